package org.dailypapers.cite;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dailypapers.paper.Paper;

/**
 * BibTeX entries in the shape arXiv's own "Export BibTeX citation" gives: {@code @misc} with title, author, year,
 * eprint, archivePrefix, primaryClass, url, and the DOI arXiv registers for every paper (10.48550/arXiv.ID).
 */
final class BibTex {

    /** A name holding the word "and" would read as two authors; braces keep it one. */
    private static final Pattern AND_WORD = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

    private BibTex() {}

    static String write(List<Paper> papers, List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < papers.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            entry(out, keys.get(i), papers.get(i));
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, String key, Paper p) {
        String id = p.id().id();
        out.append("@misc{").append(key).append(",\n");
        field(out, "title", Latex.escape(p.title()));
        if (!p.authors().isEmpty()) {
            field(out, "author", p.authors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        String year = CitationKeys.year(p);
        if (!year.isEmpty()) {
            field(out, "year", year);
        }
        field(out, "eprint", id);
        field(out, "archivePrefix", "arXiv");
        p.primaryCategory().ifPresent(c -> field(out, "primaryClass", c));
        field(out, "url", p.absUrl());
        out.append("  doi = {").append(Citations.arxivDoi(p)).append("}\n");
        out.append("}\n");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** "Given Family" as arXiv writes names; "Family, Suffix, Given" when a suffix would otherwise be misread. */
    static String name(String raw) {
        PersonName n = PersonName.parse(raw);
        String text;
        if (!n.suffix().isEmpty() && !n.given().isEmpty()) {
            text = Latex.escape(n.family()) + ", " + Latex.escape(n.suffix()) + ", " + Latex.escape(n.given());
        } else if (raw.contains(",")) {
            text = Latex.escape(n.family()) + (n.given().isEmpty() ? "" : ", " + Latex.escape(n.given()));
        } else {
            text = Latex.escape(raw);
        }
        return AND_WORD.matcher(raw).find() ? "{" + text + "}" : text;
    }
}
