package org.dailypapers.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * How Zotero's Embedded Metadata translator reads one {@code citation_author} tag (addHighwireMetadata and
 * ZU.cleanAuthor), reimplemented for tests: split at ";"; if that gives one name and splitting at "," gives parts
 * that both hold a space, those are several authors; then a name with a comma is "Last, First", one without is split
 * at its last space.
 */
final class ZoteroEmbeddedMetadata {

    private ZoteroEmbeddedMetadata() {}

    /** Each author as {last, first}. */
    static List<String[]> authors(String content) {
        List<String> names = new ArrayList<>(List.of(content.split("\\s*;\\s*")));
        if (names.size() == 1) {
            String[] byComma = names.getFirst().split("\\s*,\\s*");
            if (byComma.length > 1 && byComma[0].contains(" ") && byComma[1].contains(" ")) {
                names = List.of(byComma);
            }
        }
        List<String[]> authors = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            int comma = name.indexOf(',');
            if (comma >= 0) {
                authors.add(new String[] {
                    name.substring(0, comma).strip(), name.substring(comma + 1).strip()
                });
            } else {
                int space = name.lastIndexOf(' ');
                authors.add(
                        space < 0
                                ? new String[] {name, ""}
                                : new String[] {name.substring(space + 1), name.substring(0, space)});
            }
        }
        return authors;
    }
}
