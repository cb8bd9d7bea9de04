package org.dailypapers.cite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * RIS records (the tagged format of EndNote, Zotero, Mendeley and RefWorks): a preprint ({@code UNPB}) with authors
 * as "Family, Given", the first version's date, abstract, categories as keywords, the arXiv and PDF addresses and the
 * arXiv DOI. Lines end in CR LF as the format asks.
 */
final class Ris {

    static final String EOL = "\r\n";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd/");

    private Ris() {}

    static String write(List<Paper> papers, List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < papers.size(); i++) {
            record(out, papers.get(i), keys.get(i));
        }
        return out.toString();
    }

    private static void record(StringBuilder out, Paper p, String key) {
        tag(out, "TY", "UNPB");
        tag(out, "ID", key);
        tag(out, "TI", p.title());
        for (String author : p.authors()) {
            tag(out, "AU", PersonName.parse(author).familyFirst());
        }
        String year = CitationKeys.year(p);
        if (!year.isEmpty()) {
            tag(out, "PY", year);
        }
        Instant published = p.publishedAt();
        if (published != null) {
            tag(out, "DA", DATE.format(published.atZone(ZoneOffset.UTC)));
        }
        tag(out, "AB", p.abstractText());
        for (String category : p.categories()) {
            tag(out, "KW", category);
        }
        tag(out, "PB", "arXiv");
        tag(out, "DP", "arXiv.org");
        tag(out, "AN", "arXiv:" + p.id().id());
        tag(out, "UR", p.absUrl());
        tag(out, "L1", p.pdfUrl());
        tag(out, "DO", Citations.arxivDoi(p));
        tag(out, "N1", p.comments());
        tag(out, "ER", "");
    }

    /** One line per tag: line breaks inside a value would start a line the reader cannot place. */
    private static void tag(StringBuilder out, String tag, @Nullable String value) {
        if (value == null || (value.isBlank() && !tag.equals("ER"))) {
            return;
        }
        out.append(tag)
                .append("  - ")
                .append(value.strip().replaceAll("\\s+", " "))
                .append(EOL);
    }
}
