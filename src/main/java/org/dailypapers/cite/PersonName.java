package org.dailypapers.cite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An author's name split the way reference managers want it. arXiv gives names as one string ("Ashish Vaswani",
 * "Laurens van der Maaten", "Martin Luther King Jr.", rarely "Vaswani, Ashish"); the family name is the last word
 * together with the lower-case particles before it, as BibTeX itself reads names.
 *
 * @param given given names, empty for a one-word name ("DeepSeek-AI")
 * @param family family name with its particles ("van der Maaten")
 * @param suffix "Jr.", "III", or empty
 */
record PersonName(String given, String family, String suffix) {

    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "le", "la", "ter", "ten",
            "bin", "ibn", "al", "el", "y", "zu");

    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

    static PersonName parse(String raw) {
        String name = raw.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma > 0) {
            // "Family, Given" or "Family, Suffix, Given"
            List<String> parts =
                    Arrays.stream(name.split(",")).map(String::strip).toList();
            if (parts.size() >= 3 && SUFFIXES.contains(parts.get(1).toLowerCase(Locale.ROOT))) {
                return new PersonName(String.join(" ", parts.subList(2, parts.size())), parts.get(0), parts.get(1));
            }
            return new PersonName(String.join(" ", parts.subList(1, parts.size())), parts.get(0), "");
        }
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        String suffix = "";
        if (words.size() > 2 && SUFFIXES.contains(words.getLast().toLowerCase(Locale.ROOT))) {
            suffix = words.removeLast();
        }
        if (words.size() == 1) {
            return new PersonName("", words.getFirst(), suffix);
        }
        int familyStart = words.size() - 1;
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1))) {
            familyStart--;
        }
        return new PersonName(
                String.join(" ", words.subList(0, familyStart)),
                String.join(" ", words.subList(familyStart, words.size())),
                suffix);
    }

    /** The family name without its particles, for citation keys ("Maaten"). */
    String surname() {
        String[] words = family.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (!PARTICLES.contains(words[i])) {
                return String.join(" ", Arrays.asList(words).subList(i, words.length));
            }
        }
        return words[words.length - 1];
    }

    /**
     * "Family, Given" (with the suffix after the family name), as arXiv's {@code citation_author} tags and RIS want
     * it. Zotero's Embedded Metadata translator reads a tag whose both sides of the comma hold a space as two authors
     * ("van der Maaten, Laurens J."), so such a name is written "Given Family" instead, which it splits at the last
     * space.
     */
    String familyFirst() {
        if (given.isEmpty()) {
            return suffix.isEmpty() ? family : family + ", " + suffix;
        }
        String familyPart = suffix.isEmpty() ? family : family + " " + suffix;
        if (familyPart.contains(" ") && given.contains(" ")) {
            return given + " " + familyPart;
        }
        return familyPart + ", " + given;
    }
}
