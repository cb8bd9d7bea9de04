package org.dailypapers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dailypapers.TestData;
import org.dailypapers.search.TextEmbeddings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extraction with the bundled model on real papers of the Hugging Face data set. */
class ExtractorTests {

    private static TextEmbeddings.Standalone embeddings;
    private static List<SummaryEvaluation.HfPaper> papers;

    @BeforeAll
    static void load() {
        embeddings = TextEmbeddings.standalone();
        papers = SummaryEvaluation.papers(TestData.hfDailyPapers()).subList(0, 6);
    }

    @AfterAll
    static void close() {
        embeddings.close();
    }

    @Test
    void shouldGiveFiveToTenDistinctKeywordsAndOneAbstractSentencePerPaper() {
        List<float[]> vectors = embeddings.embedPapers(papers.stream()
                .map(p -> new TextEmbeddings.PaperText(p.title(), p.abstractText()))
                .toList());
        List<Extractor.Input> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            SummaryEvaluation.HfPaper p = papers.get(i);
            inputs.add(new Extractor.Input(p.id(), p.title(), p.abstractText(), vectors.get(i)));
        }

        List<Extractor.Output> out = new Extractor(embeddings, Extractor.Settings.DEFAULT, 1000).extract(inputs);

        assertThat(out).hasSize(papers.size());
        for (int i = 0; i < out.size(); i++) {
            Extractor.Output o = out.get(i);
            SummaryEvaluation.HfPaper p = papers.get(i);
            assertThat(o.id()).isEqualTo(p.id());
            assertThat(o.keywords()).hasSizeBetween(Extractor.MIN_KEYWORDS, 10).doesNotHaveDuplicates();
            String text = (p.title() + " " + p.abstractText()).toLowerCase(java.util.Locale.ROOT);
            for (String k : o.keywords()) {
                String expansion = k.contains(" (") ? k.substring(0, k.lastIndexOf(" (")) : k;
                assertThat(text).as("keyword from the text").contains(expansion.toLowerCase(java.util.Locale.ROOT));
            }
            // the summary is one of the abstract's sentences, without its lead-in
            assertThat(o.summary()).isNotBlank();
            assertThat(Extractor.sentences(p.abstractText(), 100))
                    .extracting(Extractor.Sentence::text)
                    .contains(o.summary());
            assertThat(o.summary()).doesNotStartWith("In this paper");
        }
    }

    @Test
    void shouldNotLosePhraseVectorsThatAFullCacheEvictsDuringABatch() {
        List<float[]> vectors = embeddings.embedPapers(papers.stream()
                .map(p -> new TextEmbeddings.PaperText(p.title(), p.abstractText()))
                .toList());
        List<Extractor.Input> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            SummaryEvaluation.HfPaper p = papers.get(i);
            inputs.add(new Extractor.Input(p.id(), p.title(), p.abstractText(), vectors.get(i)));
        }
        // a cache far smaller than one batch's phrases, as the worker's is after many papers
        Extractor small = new Extractor(embeddings, Extractor.Settings.DEFAULT, 3);

        List<Extractor.Output> first = small.extract(inputs.subList(0, 3));
        List<Extractor.Output> again = small.extract(inputs.subList(0, 3));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldPreferTheSentenceThatStatesTheContributionOverBackground() {
        String abstractText = "Large language models are widely used. They are expensive to run. In this paper, we"
                + " propose SparseKV, a cache compression method that halves the memory of long-context inference."
                + " Experiments on four benchmarks confirm it.";
        String title = "SparseKV: Halving the KV Cache of Long-Context Inference";
        float[] paper = embeddings
                .embedPapers(List.of(new TextEmbeddings.PaperText(title, abstractText)))
                .getFirst();

        Extractor.Output o = new Extractor(embeddings, Extractor.Settings.DEFAULT, 100)
                .extract(List.of(new Extractor.Input("x", title, abstractText, paper)))
                .getFirst();

        assertThat(o.summary())
                .isEqualTo("SparseKV, a cache compression method that halves the memory of long-context inference.");
    }
}
