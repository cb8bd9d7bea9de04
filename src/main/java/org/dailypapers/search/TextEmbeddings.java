package org.dailypapers.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.Paper;
import org.dailypapers.search.embedding.BgeEmbedder;

/**
 * The bundled embedder and the papers' stored vectors, for modules that compare short texts (phrases, sentences)
 * with a paper as the index sees it: keyword and summary extraction. All vectors are unit length, so a dot product
 * is their cosine.
 */
public interface TextEmbeddings {

    /** Names the model; stored results computed with another model are out of date. */
    String modelId();

    /** Passages (no query instruction), in order. */
    List<float[]> embed(List<String> passages);

    /** Papers' vectors as the index computes them (from title and abstract), in order. */
    List<float[]> embedPapers(List<PaperText> papers);

    /** What a paper's vector is computed from. */
    record PaperText(String title, String abstractText) {
        public String documentText() {
            return BgeEmbedder.documentText(title, abstractText);
        }
    }

    /**
     * The stored vectors of papers whose current title and abstract they were computed from; papers without one
     * (not embedded yet, or edited since) are absent. Keyed by {@code ArxivId.id()}.
     */
    Map<String, float[]> storedPaperVectors(Collection<Paper> papers);

    /** An embedder of its own, outside any application context (commands that evaluate); close it after use. */
    static Standalone standalone() {
        BgeEmbedder embedder = new BgeEmbedder();
        return new Standalone() {
            @Override
            public String modelId() {
                return BgeEmbedder.MODEL_ID;
            }

            @Override
            public List<float[]> embed(List<String> passages) {
                return embedder.embedAll(passages);
            }

            @Override
            public List<float[]> embedPapers(List<PaperText> papers) {
                return embedder.embedAll(
                        papers.stream().map(PaperText::documentText).toList());
            }

            @Override
            public Map<String, float[]> storedPaperVectors(Collection<Paper> papers) {
                return Map.of();
            }

            @Override
            public void close() {
                embedder.close();
            }
        };
    }

    /** {@link TextEmbeddings} that owns its model. */
    interface Standalone extends TextEmbeddings, AutoCloseable {
        @Override
        void close();
    }
}
