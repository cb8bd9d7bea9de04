package org.dailypapers.cite;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * The facade: BibTeX and RIS for one paper or a list, the citation key, Highwire Press meta tags and COinS. Pure
 * functions; callers fetch the papers and at most {@link #MAX_ENTRIES} of them go into one file.
 */
public final class Citations {

    /** The most entries one export of a list, a search or a collection carries. */
    public static final int MAX_ENTRIES = 500;

    private static final DateTimeFormatter HIGHWIRE_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private Citations() {}

    /** One file of the papers, in their order, with keys unique within it. */
    public static String format(CitationFormat format, List<Paper> papers) {
        return format(format, papers, CitationKeys.of(papers));
    }

    /** Entries with the given keys (one per paper, in order), for exports that resolved keys across batches. */
    static String format(CitationFormat format, List<Paper> papers, List<String> keys) {
        return switch (format) {
            case BIBTEX -> BibTex.write(papers, keys);
            case RIS -> Ris.write(papers, keys);
        };
    }

    public static String bibtex(Paper paper) {
        return format(CitationFormat.BIBTEX, List.of(paper));
    }

    /**
     * The paper's entry naming its venue when a venue took it ({@code @inproceedings}, booktitle, the venue's DOI,
     * the arXiv id as eprint); arXiv's own entry otherwise.
     */
    public static String bibtex(Paper paper, List<org.dailypapers.paper.SourceRecord> records) {
        return VenueBibTex.published(records)
                .map(r -> VenueBibTex.paper(paper, key(paper), r))
                .orElseGet(() -> bibtex(paper));
    }

    /** A record that stands alone (a bioRxiv preprint, an OpenReview submission, an Anthology paper). */
    public static String bibtex(org.dailypapers.paper.SourceRecord record) {
        return VenueBibTex.record(record);
    }

    public static String ris(Paper paper) {
        return format(CitationFormat.RIS, List.of(paper));
    }

    /** The key this paper gets on its own ({@code vaswani2017attention}). */
    public static String key(Paper paper) {
        return CitationKeys.of(List.of(paper)).getFirst();
    }

    /** The DOI arXiv (through DataCite) registers for every paper. */
    public static String arxivDoi(Paper paper) {
        return "10.48550/arXiv." + paper.id().id();
    }

    /**
     * The tags arXiv's abstract pages carry, which Zotero's Embedded Metadata translator and Google Scholar read:
     * title, one author per tag in the paper's order ("Family, Given"), dates as YYYY/MM/DD (first version; the
     * newest as the online date), arXiv id, PDF, abstract page and DOI.
     */
    public static List<MetaTag> highwire(Paper p) {
        List<MetaTag> tags = new ArrayList<>();
        tags.add(new MetaTag("citation_title", oneLine(p.title())));
        for (String author : p.authors()) {
            tags.add(new MetaTag("citation_author", PersonName.parse(author).familyFirst()));
        }
        String published = highwireDate(p.publishedAt());
        if (published != null) {
            tags.add(new MetaTag("citation_date", published));
            tags.add(new MetaTag("citation_publication_date", published));
        }
        String updated = highwireDate(p.updatedAt());
        if (updated != null) {
            tags.add(new MetaTag("citation_online_date", updated));
        }
        tags.add(new MetaTag("citation_arxiv_id", p.id().id()));
        tags.add(new MetaTag("citation_pdf_url", p.pdfUrl()));
        tags.add(new MetaTag("citation_abstract_html_url", p.absUrl()));
        tags.add(new MetaTag("citation_doi", arxivDoi(p)));
        tags.add(new MetaTag("citation_abstract", String.join("\n\n", Abstracts.paragraphs(p.abstractText()))));
        return tags;
    }

    /**
     * The {@code title} of a COinS span ({@code <span class="Z3988" title="...">}): an OpenURL 1.0 ContextObject
     * (Z39.88-2004, key/encoded-value form) for a preprint, which Zotero's COinS translator saves, several per page.
     */
    public static String coins(Paper p) {
        StringBuilder kev = new StringBuilder("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal");
        kev.append("&rft.genre=preprint");
        kev.append("&rft.atitle=").append(encode(oneLine(p.title())));
        kev.append("&rft.jtitle=arXiv");
        for (String author : p.authors()) {
            kev.append("&rft.au=").append(encode(PersonName.parse(author).familyFirst()));
        }
        if (p.publishedAt() != null) {
            kev.append("&rft.date=")
                    .append(p.publishedAt().atZone(ZoneOffset.UTC).toLocalDate());
        }
        kev.append("&rft_id=").append(encode("info:arxiv/" + p.id().id()));
        kev.append("&rft_id=").append(encode("info:doi/" + arxivDoi(p)));
        kev.append("&rft_id=").append(encode(p.absUrl()));
        return kev.toString();
    }

    private static @Nullable String highwireDate(@Nullable Instant at) {
        return at == null ? null : HIGHWIRE_DATE.format(at.atZone(ZoneOffset.UTC));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
