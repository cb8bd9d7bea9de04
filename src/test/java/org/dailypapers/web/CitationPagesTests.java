package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchService;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Citations, Markdown and OPML as a reference manager, an agent and a feed reader get them from the demo site. */
class CitationPagesTests extends SiteTestSupport {

    /** VideoRAG: four authors, on the feed on 2025-01-13 with one comment counted on Hugging Face. */
    private static final String PAPER = "2501.05874";

    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    private ObjectProvider<SearchService> search;

    private static BibTeXDatabase bibtex(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-bibtex");
        return new BibTeXParser().parse(new StringReader(r.body()));
    }

    @Test
    void shouldServeAPapersBibtexAndRis() throws Exception {
        BibTeXDatabase db = bibtex(get("/papers/" + PAPER + ".bib", "*/*"));
        BibTeXEntry e = db.getEntries().values().iterator().next();
        assertThat(e.getKey().getValue()).isEqualTo("jeong2025videorag");
        assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
                .isEqualTo("Soyeong Jeong and Kangsan Kim and Jinheon Baek and Sung Ju Hwang");
        assertThat(e.getField(new Key("eprint")).toUserString()).isEqualTo(PAPER);
        assertThat(e.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo("10.48550/arXiv." + PAPER);

        HttpResponse<String> ris = get("/papers/" + PAPER + ".ris", "*/*");
        assertThat(ris.statusCode()).isEqualTo(200);
        assertThat(ris.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/x-research-info-systems");
        assertThat(ris.body())
                .startsWith("TY  - UNPB\r\n")
                .contains("TI  - VideoRAG: Retrieval-Augmented Generation over Video Corpus\r\n")
                .contains("AU  - Jeong, Soyeong\r\n")
                .endsWith("ER  - \r\n");
        assertThat(get("/papers/2501.99999.bib", "*/*").statusCode()).isEqualTo(404);
    }

    /** Zotero's Embedded Metadata translator reads these from the head: authors in order, dates as YYYY/MM/DD. */
    @Test
    void shouldCarryHighwireTagsAndACiteBoxOnThePaperPage() {
        HttpResponse<String> r = get("/papers/" + PAPER, BROWSER_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(200);
        String head = r.body().substring(0, r.body().indexOf("</head>"));
        assertThat(meta(head, "citation_title"))
                .containsExactly("VideoRAG: Retrieval-Augmented Generation over Video Corpus");
        assertThat(meta(head, "citation_author"))
                .containsExactly("Jeong, Soyeong", "Kim, Kangsan", "Baek, Jinheon", "Hwang, Sung Ju");
        assertThat(meta(head, "citation_date")).containsExactly("2025/01/10");
        assertThat(meta(head, "citation_publication_date")).containsExactly("2025/01/10");
        assertThat(meta(head, "citation_arxiv_id")).containsExactly(PAPER);
        assertThat(meta(head, "citation_pdf_url")).containsExactly("https://arxiv.org/pdf/" + PAPER);
        assertThat(meta(head, "citation_abstract_html_url")).containsExactly("https://arxiv.org/abs/" + PAPER);
        assertThat(meta(head, "citation_doi")).containsExactly("10.48550/arXiv." + PAPER);
        assertThat(head).contains("<link rel=\"alternate\" type=\"text/markdown\"");
        assertThat(r.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));
        String body = r.body();
        assertThat(body).contains("<summary class=\"button\">Cite</summary>");
        assertThat(HtmlUtils.htmlUnescape(body)).contains("@misc{jeong2025videorag,");
        assertThat(body).contains("href=\"/papers/" + PAPER + ".bib\"").contains("href=\"/papers/" + PAPER + ".ris\"");
        // the count imported from Hugging Face links there and is not presented as the thread here
        assertThat(body)
                .contains("0 comments here")
                .contains("<a href=\"https://huggingface.co/papers/" + PAPER + "\" rel=\"noopener\">1 comment on"
                        + " Hugging Face</a>");
        // hard line breaks of arXiv's abstract are gone, so the page wraps where the reader's window does
        Matcher abs = Pattern.compile("<p class=\"abstract\">([^<]*)</p>").matcher(body);
        assertThat(abs.find()).isTrue();
        assertThat(abs.group(1)).doesNotContain("\n").startsWith("Retrieval-Augmented Generation (RAG) is a powerful");
    }

    private static List<String> meta(String head, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]*)\">")
                .matcher(head);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        return values;
    }

    @Test
    void shouldServeMarkdownByAddressAndByAcceptHeader() {
        HttpResponse<String> md = get("/papers/" + PAPER + ".md", "*/*");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(md.body())
                .startsWith(
                        "# VideoRAG: Retrieval-Augmented Generation over Video Corpus\n\n**Authors:** Soyeong Jeong,"
                                + " Kangsan Kim, Jinheon Baek, Sung Ju Hwang\n")
                .contains("- arXiv: [" + PAPER + "](https://arxiv.org/abs/" + PAPER + ")")
                .contains("- PDF: https://arxiv.org/pdf/" + PAPER)
                .contains("- Published: 2025-01-10")
                .contains("- On Daily Papers: 2025-01-13, submitted by jinheon")
                .contains(
                        "## Abstract\n\nRetrieval-Augmented Generation (RAG) is a powerful strategy to address the issue")
                .contains("## Discussion\n\n1 comment on Hugging Face: https://huggingface.co/papers/" + PAPER)
                .contains("No comments here yet.");
        HttpResponse<String> negotiated = get("/papers/" + PAPER, "text/markdown");
        assertThat(negotiated.statusCode()).isEqualTo(200);
        assertThat(negotiated.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/markdown");
        assertThat(negotiated.body()).isEqualTo(md.body());
        // browsers and clients that take anything still get the page, also after a Markdown answer
        for (String accept : List.of(BROWSER_ACCEPT, "*/*", BROWSER_ACCEPT)) {
            HttpResponse<String> html = get("/papers/" + PAPER, accept);
            assertThat(html.headers().firstValue("Content-Type").orElseThrow())
                    .as(accept)
                    .startsWith("text/html");
        }
    }

    @Test
    void shouldExportAListingWithThePagesParameters() throws Exception {
        BibTeXDatabase latest = bibtex(get("/daily/" + DEMO_LATEST_DAY + ".bib", "*/*"));
        assertThat(latest.getEntries()).hasSize(4);
        String page = get("/", BROWSER_ACCEPT).body();
        assertThat(page).contains("href=\"/daily/" + DEMO_LATEST_DAY + ".bib\"");
        assertThat(Pattern.compile("<span class=\"Z3988\" title=\"ctx_ver=Z39.88-2004&amp;")
                        .matcher(page)
                        .results()
                        .count())
                .isEqualTo(4);

        BibTeXDatabase month = bibtex(get("/month/2025-01.bib?sort=trending", "*/*"));
        assertThat(month.getEntries()).hasSizeGreaterThan(50).hasSizeLessThanOrEqualTo(500);
        for (BibTeXEntry e : month.getEntries().values()) {
            assertThat(e.getField(new Key("eprint")).toUserString()).matches("2[45]\\d{2}\\.\\d{5}");
        }
        assertThat(get("/categories/cs.CL.bib", "*/*").statusCode()).isEqualTo(200);
        assertThat(get("/categories/not%20a%20category.bib", "*/*").statusCode())
                .isEqualTo(400);
        HttpResponse<String> trending = get("/trending.ris", "*/*");
        assertThat(trending.statusCode()).isEqualTo(200);
        assertThat(trending.body()).startsWith("TY  - UNPB");
        assertThat(get("/daily/2025-13-45.bib", "*/*").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldExportASearch() throws Exception {
        SearchService service = search.getIfAvailable();
        assumeTrue(service != null, "no search module in this build");
        new FluentWait<>(service)
                .withTimeout(Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(250))
                .until(s -> s.search(SearchRequest.simple("video generation", SearchMode.BM25, 1))
                                .totalHits()
                        > 0);
        BibTeXDatabase db = bibtex(get("/search.bib?q=video%20generation&mode=bm25&page=2", "*/*"));
        assertThat(db.getEntries()).hasSizeGreaterThan(20).hasSizeLessThanOrEqualTo(500);
        // a search with more hits than that stops at 500 entries
        assertThat(bibtex(get("/search.bib?q=model&mode=bm25", "*/*")).getEntries())
                .hasSize(500);
        assertThat(get("/search.bib", "*/*").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerTheApiInBibtexByParameterAndByAcceptHeader() throws Exception {
        BibTeXDatabase byParameter = bibtex(get("/api/papers/" + PAPER + "?format=bibtex", "*/*"));
        assertThat(byParameter.getEntries()).hasSize(1);
        BibTeXDatabase byAccept = bibtex(get("/api/papers/" + PAPER, "application/x-bibtex"));
        assertThat(byAccept.getEntries().keySet())
                .isEqualTo(byParameter.getEntries().keySet());
        assertThat(get("/api/papers/" + PAPER, "application/json").body()).startsWith("{\"id\":\"" + PAPER + "\"");
        assertThat(get("/api/papers/" + PAPER, "*/*").body()).startsWith("{\"id\":\"" + PAPER + "\"");
        assertThat(get("/api/papers/" + PAPER + "?format=json", "*/*").body()).startsWith("{\"id\":\"" + PAPER + "\"");
        HttpResponse<String> bad = get("/api/papers/" + PAPER + "?format=endnote", "*/*");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("format");
        HttpResponse<String> missing = get("/api/papers/2501.99999", "application/x-bibtex");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("2501.99999");
    }

    @Test
    void shouldFilterDailyPapersBySubmitterAsHuggingFaceDoes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(get("/api/daily_papers?submitter=akhaliq&limit=100", "application/json")
                .body());
        assertThat(all.size()).isEqualTo(100);
        for (JsonNode p : all) {
            assertThat(p.get("submittedBy").get("name").asText()).isEqualTo("akhaliq");
        }
        HttpResponse<String> counted = get("/api/daily_papers?submitter=AKHALIQ&limit=1", "application/json");
        assertThat(counted.headers().firstValue("X-Total-Count")).contains("213");
        JsonNode day = json.readTree(get("/api/daily_papers?submitter=akhaliq&date=2025-01-13", "application/json")
                .body());
        for (JsonNode p : day) {
            assertThat(p.get("submittedBy").get("name").asText()).isEqualTo("akhaliq");
        }
        assertThat(json.readTree(get("/api/daily_papers?submitter=nobody-has-this-name", "application/json")
                        .body()))
                .isEmpty();
    }

    @Test
    void shouldListTheSiteFeedsInOpmlOneOutlinePerFeed() throws Exception {
        HttpResponse<String> r = get("/feeds.opml", "*/*");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-opml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("opml");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList outlines = doc.getElementsByTagName("outline");
        List<String> feeds = new ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            Element o = (Element) outlines.item(i);
            if (o.hasAttribute("xmlUrl")) {
                assertThat(o.getAttribute("type")).isEqualTo("rss");
                assertThat(o.getAttribute("text")).isNotBlank();
                feeds.add(o.getAttribute("xmlUrl"));
            }
        }
        assertThat(new HashSet<>(feeds)).hasSameSizeAs(feeds);
        assertThat(feeds)
                .contains(
                        "https://papers.example.org/feeds/daily.atom",
                        "https://papers.example.org/feeds/trending.atom",
                        "https://papers.example.org/feeds/categories/cs.CL.atom");
        for (String feed : feeds) {
            HttpResponse<String> atom = get(feed.replace("https://papers.example.org", ""), "*/*");
            assertThat(atom.statusCode()).as(feed).isEqualTo(200);
        }
    }
}
