package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchSort;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchEngineTest {

    private static BgeEmbedder embedder;
    private static PaperIndex index;
    private static SearchEngine engine;

    @BeforeAll
    static void build() throws IOException {
        embedder = new BgeEmbedder();
        index = PaperIndex.openWritable(new ByteBuffersDirectory());
        List<IndexedPaper> papers = List.of(
                paper(
                        "2401.00001",
                        "Attention Is All You Need, Again",
                        "We revisit self-attention for machine translation"
                                + " and show that transformers still dominate sequence transduction.",
                        List.of("Ashish Vaswani", "Noam Shazeer"),
                        List.of("cs.CL", "cs.LG"),
                        LocalDate.of(2024, 1, 2),
                        50,
                        true,
                        "google"),
                paper(
                        "2402.00002",
                        "Graphene at Low Temperature",
                        "We measure the thermal conductivity of graphene" + " sheets below ten kelvin.",
                        List.of("Andre Geim"),
                        List.of("cond-mat.mes-hall"),
                        LocalDate.of(2024, 2, 3),
                        3,
                        false,
                        null),
                paper(
                        "2503.00003",
                        "<script>alert(1)</script> Retrieval for Transformers",
                        "Dense retrieval with" + " transformer encoders finds passages that keyword search misses.",
                        List.of("Jane Doe"),
                        List.of("cs.IR"),
                        LocalDate.of(2025, 3, 4),
                        10,
                        false,
                        "acme"),
                paper(
                        "2504.00004",
                        "Sparse Mixtures of Experts",
                        "Routing tokens to experts scales language models" + " cheaply; attention layers stay dense.",
                        List.of("Noam Shazeer"),
                        List.of("cs.LG"),
                        LocalDate.of(2025, 4, 5),
                        99,
                        true,
                        null));
        List<IndexedPaper> embedded = new ArrayList<>();
        List<float[]> vectors = embedder.embedAll(
                papers.stream().map(IndexedPaper::embeddingText).toList());
        for (int i = 0; i < papers.size(); i++) {
            embedded.add(papers.get(i).withVector(vectors.get(i)));
        }
        index.upsert(embedded);
        index.commit(1);
        index.refresh();
        engine = SearchSettings.defaults().engine(index, embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        embedder.close();
    }

    private static IndexedPaper paper(
            String id,
            String title,
            String abs,
            List<String> authors,
            List<String> cats,
            LocalDate day,
            int upvotes,
            boolean code,
            String org) {
        return new IndexedPaper(id, title, abs, authors, cats, day, upvotes, code, org, null);
    }

    private static List<String> ids(SearchEngine.Result r) {
        return r.hits().stream().map(SearchEngine.Hit::id).toList();
    }

    private static SearchEngine.Result bm25(String q) {
        return engine.search(SearchRequest.simple(q, SearchMode.BM25, 10), true, true);
    }

    @Test
    void shouldFindPapersByStemmedWordsInTitleAndAbstract() {
        assertThat(ids(bm25("transformer"))).containsExactlyInAnyOrder("2401.00001", "2503.00003");
    }

    @Test
    void shouldSupportFieldedSyntaxPhrasesAndBooleanOperators() {
        assertThat(ids(bm25("author:shazeer"))).containsExactlyInAnyOrder("2401.00001", "2504.00004");
        assertThat(ids(bm25("author:shazeer AND cat:cs.CL"))).containsExactly("2401.00001");
        assertThat(ids(bm25("author:shazeer NOT attention"))).isEmpty();
        assertThat(ids(bm25("author:shazeer -title:attention"))).containsExactly("2504.00004");
        assertThat(ids(bm25("\"thermal conductivity\""))).containsExactly("2402.00002");
        assertThat(ids(bm25("\"conductivity thermal\""))).isEmpty();
        assertThat(ids(bm25("cat:cs"))).hasSize(3);
        assertThat(ids(bm25("title:graphene OR title:experts"))).containsExactlyInAnyOrder("2402.00002", "2504.00004");
    }

    @Test
    void shouldReadAColonAfterAnUnknownWordAsText() {
        assertThat(ids(bm25("Graphene: thermal"))).containsExactly("2402.00002");
    }

    @Test
    void shouldSearchTextThatIsNotWellFormedSyntaxAsWords() {
        SearchEngine.Result r = bm25("attention AND (transformer");
        assertThat(r.error()).isNull();
        assertThat(ids(r)).containsExactlyInAnyOrderElementsOf(ids(bm25("attention transformer")));
        assertThat(ids(r)).isNotEmpty();
    }

    @Test
    void shouldAnswerAQueryThatCannotRunCheaplyWithAMessage() {
        SearchEngine.Result r = bm25("aa~2 ba~2 ca~2 da~2 ea~2 fa~2 ga~2 ha~2 ia~2 ja~2 ka~2 la~2");
        assertThat(r.error()).contains("12 fuzzy, wildcard or prefix terms").contains("at most 4");
        assertThat(r.hits()).isEmpty();
    }

    @Test
    void shouldFilterByDateCategoryCodeAndOrganisation() {
        SearchRequest base = SearchRequest.simple("", SearchMode.HYBRID, 10);
        assertThat(ids(engine.search(
                        new SearchRequest(
                                "",
                                SearchMode.BM25,
                                LocalDate.of(2025, 1, 1),
                                null,
                                List.of(),
                                false,
                                null,
                                SearchSort.RELEVANCE,
                                0,
                                10),
                        false,
                        false)))
                .containsExactly("2504.00004", "2503.00003");
        assertThat(ids(engine.search(
                        new SearchRequest(
                                "attention",
                                SearchMode.HYBRID,
                                null,
                                LocalDate.of(2024, 12, 31),
                                List.of("cs.LG"),
                                true,
                                "google",
                                SearchSort.RELEVANCE,
                                0,
                                10),
                        false,
                        false)))
                .containsExactly("2401.00001");
        assertThat(ids(engine.search(
                        new SearchRequest(
                                "retrieval",
                                SearchMode.DENSE,
                                null,
                                null,
                                List.of("cs.IR"),
                                false,
                                null,
                                SearchSort.RELEVANCE,
                                0,
                                10),
                        false,
                        false)))
                .containsExactly("2503.00003");
        assertThat(base.categories()).isEmpty();
    }

    @Test
    void shouldSortByDateAndUpvotes() {
        SearchRequest byVotes = new SearchRequest(
                "attention OR transformer OR graphene OR experts",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.UPVOTES,
                0,
                10);
        assertThat(ids(engine.search(byVotes, false, false)))
                .containsExactly("2504.00004", "2401.00001", "2503.00003", "2402.00002");
        SearchRequest byDate = new SearchRequest(
                "transformer", SearchMode.HYBRID, null, null, List.of(), false, null, SearchSort.DATE, 0, 2);
        assertThat(ids(engine.search(byDate, false, false)).getFirst()).isEqualTo("2504.00004");
    }

    @Test
    void shouldHighlightMatchesAndEscapeEverythingElse() {
        SearchEngine.Result r = bm25("retrieval");
        SearchEngine.Hit hit = r.hits().getFirst();
        assertThat(hit.titleHighlight())
                .isEqualTo("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; <mark>Retrieval</mark> for Transformers");
        assertThat(hit.snippet()).contains("<mark>retrieval</mark>").doesNotContain("<script>");
        SearchEngine.Hit graphene = bm25("graphene").hits().getFirst();
        assertThat(graphene.titleHighlight()).isEqualTo("<mark>Graphene</mark> at Low Temperature");
    }

    @Test
    void shouldSearchAbstractWordsInTheAbstractOnly() {
        // "Temperature" and "Mixtures" are title words; the abstract is searched as positions of the BM25 field.
        assertThat(ids(bm25("temperature"))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:temperature"))).isEmpty();
        assertThat(ids(bm25("abstract:mixtures"))).isEmpty();
        assertThat(ids(bm25("title:temperature"))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:kelvin"))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:(kelvin OR routing)"))).containsExactlyInAnyOrder("2402.00002", "2504.00004");
        assertThat(ids(bm25("abstract:conduct* AND NOT abstract:routing"))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:kelvn~1"))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:tempera*"))).isEmpty();
    }

    @Test
    void shouldMatchAbstractPhrasesWithTheirStopWordsAndNeverAcrossTheTitle() {
        assertThat(ids(bm25("abstract:\"thermal conductivity\""))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:\"conductivity thermal\""))).isEmpty();
        assertThat(ids(bm25("abstract:\"conductivity of graphene\""))).containsExactly("2402.00002");
        assertThat(ids(bm25("abstract:\"graphene conductivity\"~3"))).containsExactly("2402.00002");
        // The title's last word and the abstract's first are not a phrase.
        assertThat(ids(bm25("\"low temperature we measure\""))).isEmpty();
        assertThat(ids(bm25("\"we measure the thermal\""))).containsExactly("2402.00002");
    }

    @Test
    void shouldSnipTheAbstractAloneAndFallBackToItsFirstSentence() {
        SearchEngine.Hit graphene = bm25("graphene kelvin").hits().getFirst();
        assertThat(graphene.snippet())
                .isEqualTo("We measure the thermal conductivity of <mark>graphene</mark> sheets below ten"
                        + " <mark>kelvin</mark>.");
        // Only the title matches: the snippet is the abstract's first sentence, unmarked, and no part of the title.
        SearchEngine.Hit temperature = bm25("temperature").hits().getFirst();
        assertThat(temperature.titleHighlight()).isEqualTo("Graphene at Low <mark>Temperature</mark>");
        assertThat(temperature.snippet())
                .isEqualTo("We measure the thermal conductivity of graphene sheets below ten kelvin.");
        SearchEngine.Hit abstractOnly = bm25("abstract:routing").hits().getFirst();
        assertThat(abstractOnly.snippet()).startsWith("<mark>Routing</mark> tokens to experts");
    }

    @Test
    void shouldCountCategoriesAndYearsOverAllHits() {
        SearchEngine.Result r = engine.search(
                new SearchRequest(
                        "attention OR transformer OR experts",
                        SearchMode.BM25,
                        null,
                        null,
                        List.of(),
                        false,
                        null,
                        SearchSort.RELEVANCE,
                        0,
                        1),
                true,
                false);
        assertThat(r.totalHits()).isEqualTo(3);
        assertThat(r.hits()).hasSize(1);
        assertThat(r.facets().get("category"))
                .contains(new FacetCount("cs.LG", 2), new FacetCount("cs.CL", 1), new FacetCount("cs.IR", 1));
        assertThat(r.facets().get("year")).containsExactly(new FacetCount("2025", 2), new FacetCount("2024", 1));
    }

    @Test
    void shouldRankByMeaningInDenseAndHybridModes() {
        SearchEngine.Result dense = engine.search(
                SearchRequest.simple("how cold does a carbon monolayer conduct heat", SearchMode.DENSE, 1),
                false,
                false);
        assertThat(ids(dense)).containsExactly("2402.00002");
        SearchEngine.Result hybrid = engine.search(
                SearchRequest.simple("carbon monolayer heat transport", SearchMode.HYBRID, 1), false, false);
        assertThat(ids(hybrid)).containsExactly("2402.00002");
    }

    @Test
    void shouldFindSimilarPapersLeavingThePaperItselfOut() {
        List<SearchEngine.Hit> similar = engine.similarTo("2503.00003", 2, null);
        assertThat(similar)
                .extracting(SearchEngine.Hit::id)
                .doesNotContain("2503.00003")
                .hasSize(2);
        assertThat(similar.getFirst().id()).isEqualTo("2401.00001");
        assertThat(engine.similarToText("heat conduction in two-dimensional carbon", 1))
                .extracting(SearchEngine.Hit::id)
                .containsExactly("2402.00002");
    }

    @Test
    void shouldPageThroughResults() {
        SearchRequest first = new SearchRequest(
                "attention OR transformer OR experts",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.UPVOTES,
                0,
                2);
        SearchRequest second = new SearchRequest(
                "attention OR transformer OR experts",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.UPVOTES,
                1,
                2);
        assertThat(ids(engine.search(first, false, false))).containsExactly("2504.00004", "2401.00001");
        assertThat(ids(engine.search(second, false, false))).containsExactly("2503.00003");
    }
}
