package org.dailypapers.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.TestData;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import org.junit.jupiter.api.Test;

class CitationsTest {

    static Paper paper(String id, String title, List<String> authors, String published) {
        return new Paper(
                ArxivId.of(id),
                2,
                title,
                "First line of the abstract\nwraps here.\n  A second paragraph.",
                authors,
                List.of("cs.CL", "cs.AI"),
                Instant.parse(published),
                Instant.parse("2024-03-01T10:00:00Z"),
                "12 pages",
                null,
                null,
                null,
                List.of(),
                3,
                null);
    }

    static final Paper TRICKY = paper(
            "2501.01234",
            "Cost {and} 100% of R&D: $5 budgets for C# and snake_case ~ ^ \\ tricks",
            List.of("Zoë Müller-Łukasiewicz", "José Ñúñez", "张伟", "Laurens van der Maaten", "Martin Luther King Jr."),
            "2025-01-02T18:00:00Z");

    static BibTeXDatabase parse(String bibtex) throws Exception {
        return new BibTeXParser().parse(new StringReader(bibtex));
    }

    /**
     * What a reference manager shows: the field's LaTeX turned back into text. LaTeX prints ' and ` as curly quotes,
     * as it should; those are mapped back so that the text compares with the plain original.
     */
    static String text(Value value) throws Exception {
        return new LaTeXPrinter()
                .print(new LaTeXParser().parse(value.toUserString()))
                .replace("\u201d", "''")
                .replace("\u201c", "``")
                .replace('\u2019', '\'')
                .replace('\u2018', '`');
    }

    @Test
    void shouldRoundTripSpecialCharactersAndNonAsciiNamesThroughJBibTeX() throws Exception {
        String bib = Citations.bibtex(TRICKY);
        BibTeXDatabase db = parse(bib);
        assertThat(db.getEntries()).hasSize(1);
        BibTeXEntry e = db.getEntries().values().iterator().next();
        assertThat(e.getType().getValue()).isEqualTo("misc");
        assertThat(e.getKey().getValue()).isEqualTo("mullerlukasiewicz2025cost");
        assertThat(text(e.getField(BibTeXEntry.KEY_TITLE))).isEqualTo(TRICKY.title());
        assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
                .isEqualTo("Zoë Müller-Łukasiewicz and José Ñúñez and 张伟 and Laurens van der Maaten and King,"
                        + " Jr., Martin Luther");
        assertThat(e.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("2025");
        assertThat(e.getField(new Key("eprint")).toUserString()).isEqualTo("2501.01234");
        assertThat(e.getField(new Key("archivePrefix")).toUserString()).isEqualTo("arXiv");
        assertThat(e.getField(new Key("primaryClass")).toUserString()).isEqualTo("cs.CL");
        assertThat(e.getField(BibTeXEntry.KEY_URL).toUserString()).isEqualTo("https://arxiv.org/abs/2501.01234");
        assertThat(e.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo("10.48550/arXiv.2501.01234");
    }

    @Test
    void shouldKeepWellFormedMathAndEscapeALoneDollar() throws Exception {
        Paper math =
                paper("2502.00001", "$O(\\sqrt{n})$ regret for 50% of bandits", List.of("A B"), "2025-02-01T00:00:00Z");
        BibTeXEntry e =
                parse(Citations.bibtex(math)).getEntries().values().iterator().next();
        assertThat(e.getField(BibTeXEntry.KEY_TITLE).toUserString())
                .isEqualTo("$O(\\sqrt{n})$ regret for 50\\% of bandits");
        Paper dollar = paper("2502.00002", "A $5 model {beats} $100 ones", List.of("A B"), "2025-02-01T00:00:00Z");
        BibTeXEntry d =
                parse(Citations.bibtex(dollar)).getEntries().values().iterator().next();
        assertThat(text(d.getField(BibTeXEntry.KEY_TITLE))).isEqualTo(dollar.title());
    }

    @Test
    void shouldParseEveryEntryOfRealArxivRecordsAndKeepKeysUnique() throws Exception {
        List<Paper> papers = kaggleSample();
        assertThat(papers).hasSizeGreaterThan(150);
        String bib = Citations.format(CitationFormat.BIBTEX, papers);
        BibTeXDatabase db = parse(bib);
        assertThat(db.getEntries()).hasSize(papers.size());
        List<String> keys = CitationKeys.of(papers);
        assertThat(new HashSet<>(keys)).hasSize(papers.size());
        Map<String, Paper> byKey = new LinkedHashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            byKey.put(keys.get(i), papers.get(i));
        }
        for (BibTeXEntry e : db.getEntries().values()) {
            Paper p = byKey.get(e.getKey().getValue());
            assertThat(p).as(e.getKey().getValue()).isNotNull();
            assertThat(e.getField(new Key("eprint")).toUserString()).isEqualTo(p.id().id());
            String title = e.getField(BibTeXEntry.KEY_TITLE).toUserString();
            if (!title.contains("$")) {
                assertThat(text(e.getField(BibTeXEntry.KEY_TITLE)))
                        .isEqualTo(p.title().strip().replaceAll("\\s+", " "));
            }
            assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString().split(" and "))
                    .hasSize(p.authors().size());
        }
    }

    @Test
    void shouldGiveStableKeysAndDisambiguateInIdOrder() {
        Paper a = paper("2501.00002", "Attention is all you need", List.of("Ashish Vaswani"), "2025-01-05T00:00:00Z");
        Paper b = paper("2501.00001", "Attention patterns", List.of("A. Vaswani"), "2025-01-04T00:00:00Z");
        Paper c = paper("2501.00003", "The attention sink", List.of("Ana Vaswani"), "2025-02-04T00:00:00Z");
        assertThat(Citations.key(a)).isEqualTo("vaswani2025attention");
        // the oldest id keeps the key it has on its own; the others get b, c in id order, whatever the list order
        assertThat(CitationKeys.of(List.of(a, c, b)))
                .containsExactly("vaswani2025attentionb", "vaswani2025attentionc", "vaswani2025attention");
        assertThat(CitationKeys.of(List.of(b, a, c))).isEqualTo(CitationKeys.of(List.of(b, a, c)));
        Paper old = new Paper(
                ArxivId.of("hep-th/9901001"),
                1,
                "On strings",
                "x",
                List.of("Edward Witten"),
                List.of("hep-th"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
        assertThat(Citations.key(old)).isEqualTo("witten1999strings");
        assertThat(Citations.bibtex(old))
                .contains("eprint = {hep-th/9901001}")
                .contains("doi = {10.48550/arXiv.hep-th/9901001}");
    }

    @Test
    void shouldWriteRisFieldByField() {
        String ris = Citations.ris(TRICKY);
        assertThat(ris).endsWith("ER  - \r\n");
        List<String> lines = Arrays.asList(ris.split("\r\n"));
        assertThat(lines).allMatch(l -> Pattern.matches("[A-Z][A-Z0-9]  - .*", l));
        assertThat(lines.getFirst()).isEqualTo("TY  - UNPB");
        assertThat(values(lines, "ID")).containsExactly("mullerlukasiewicz2025cost");
        assertThat(values(lines, "TI")).containsExactly(TRICKY.title());
        assertThat(values(lines, "AU"))
                .containsExactly(
                        "Müller-Łukasiewicz, Zoë",
                        "Ñúñez, José",
                        "张伟",
                        "van der Maaten, Laurens",
                        "Martin Luther King Jr.");
        assertThat(values(lines, "PY")).containsExactly("2025");
        assertThat(values(lines, "DA")).containsExactly("2025/01/02/");
        assertThat(values(lines, "AB")).containsExactly("First line of the abstract wraps here. A second paragraph.");
        assertThat(values(lines, "KW")).containsExactly("cs.CL", "cs.AI");
        assertThat(values(lines, "UR")).containsExactly("https://arxiv.org/abs/2501.01234");
        assertThat(values(lines, "L1")).containsExactly("https://arxiv.org/pdf/2501.01234");
        assertThat(values(lines, "DO")).containsExactly("10.48550/arXiv.2501.01234");
        assertThat(values(lines, "AN")).containsExactly("arXiv:2501.01234");
        assertThat(values(lines, "N1")).containsExactly("12 pages");
        assertThat(values(lines, "ER")).containsExactly("");
    }

    static List<String> values(List<String> lines, String tag) {
        return lines.stream()
                .filter(l -> l.startsWith(tag + "  - "))
                .map(l -> l.substring(6))
                .toList();
    }

    /**
     * The rules of Zotero's Embedded Metadata translator: each {@code citation_author} is split at ";", and a tag
     * with a comma whose both sides hold a space is split there too; a comma otherwise means "Last, First"; dates
     * are read from {@code citation_date} / {@code citation_publication_date}.
     */
    @Test
    void shouldCarryHighwireTagsZoteroReadsAsThePapersAuthorsInOrder() {
        List<MetaTag> tags = Citations.highwire(TRICKY);
        List<String> names = tags.stream().map(MetaTag::name).toList();
        assertThat(names)
                .contains(
                        "citation_title",
                        "citation_date",
                        "citation_publication_date",
                        "citation_arxiv_id",
                        "citation_pdf_url",
                        "citation_abstract_html_url",
                        "citation_doi");
        List<String[]> authors = new ArrayList<>();
        for (MetaTag t : tags) {
            if (t.name().equals("citation_author")) {
                authors.addAll(ZoteroEmbeddedMetadata.authors(t.content()));
            }
        }
        assertThat(authors).hasSize(TRICKY.authors().size());
        for (int i = 0; i < authors.size(); i++) {
            String[] got = authors.get(i);
            assertThat((got[1] + " " + got[0]).strip())
                    .as("author %d", i)
                    .isEqualTo(TRICKY.authors().get(i));
        }
        // family names with particles or hyphens survive as Zotero's lastName
        assertThat(authors.get(0)[0]).isEqualTo("Müller-Łukasiewicz");
        assertThat(authors.get(3)[0]).isEqualTo("van der Maaten");
        assertThat(value(tags, "citation_date")).matches("\\d{4}/\\d{2}/\\d{2}").isEqualTo("2025/01/02");
        assertThat(value(tags, "citation_publication_date")).isEqualTo("2025/01/02");
        assertThat(value(tags, "citation_online_date")).isEqualTo("2024/03/01");
        assertThat(value(tags, "citation_arxiv_id")).isEqualTo("2501.01234");
        assertThat(value(tags, "citation_doi")).isEqualTo("10.48550/arXiv.2501.01234");
        assertThat(value(tags, "citation_pdf_url")).isEqualTo("https://arxiv.org/pdf/2501.01234");
    }

    static String value(List<MetaTag> tags, String name) {
        return tags.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .content();
    }

    @Test
    void shouldDescribeAPreprintInCoins() {
        String coins = Citations.coins(TRICKY);
        assertThat(coins)
                .startsWith("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal")
                .contains("&rft.genre=preprint")
                .contains("&rft.date=2025-01-02")
                .contains("&rft_id=info%3Aarxiv%2F2501.01234")
                .contains("&rft.au=M%C3%BCller-%C5%81ukasiewicz%2C%20Zo%C3%AB");
        assertThat(coins.indexOf("rft.au=M%C3%BC")).isLessThan(coins.indexOf("rft.au=%C3%91"));
    }

    @Test
    void shouldReflowAbstractsKeepingParagraphBreaks() {
        assertThat(Abstracts.paragraphs("  Partial cubes are\nisometric subgraphs.\n  The operations of\nproduct.\n"))
                .containsExactly("Partial cubes are isometric subgraphs.", "The operations of product.");
        assertThat(Abstracts.paragraphs("One\nline.\n\nTwo\n\n\nthree")).containsExactly("One line.", "Two", "three");
    }

    @Test
    void shouldSplitNamesAsReferenceManagersDo() {
        assertThat(PersonName.parse("Laurens van der Maaten"))
                .isEqualTo(new PersonName("Laurens", "van der Maaten", ""));
        assertThat(PersonName.parse("Vaswani, Ashish")).isEqualTo(new PersonName("Ashish", "Vaswani", ""));
        assertThat(PersonName.parse("DeepSeek-AI")).isEqualTo(new PersonName("", "DeepSeek-AI", ""));
        assertThat(PersonName.parse("Martin Luther King Jr.").suffix()).isEqualTo("Jr.");
        assertThat(PersonName.parse("Laurens van der Maaten").surname()).isEqualTo("Maaten");
    }

    /** The first 200 records of arXiv's Kaggle snapshot: real titles and names with TeX accents, math and braces. */
    static List<Paper> kaggleSample() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Paper> papers = new ArrayList<>();
        for (String line :
                Files.readAllLines(TestData.file("arxiv-kaggle-metadata-sample/arxiv-metadata-oai-snapshot.json"))) {
            JsonNode n = json.readTree(line);
            List<String> authors = new ArrayList<>();
            for (JsonNode a : n.get("authors_parsed")) {
                String name = (a.get(1).asText() + " " + a.get(0).asText() + " "
                                + a.get(2).asText())
                        .strip();
                authors.add(name.replaceAll("\\s+", " "));
            }
            papers.add(new Paper(
                    ArxivId.of(n.get("id").asText()),
                    1,
                    n.get("title").asText(),
                    n.get("abstract").asText(),
                    authors,
                    Arrays.asList(n.get("categories").asText().split(" ")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    0,
                    null));
        }
        return papers;
    }
}
