package org.dailypapers.search.embedding;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dailypapers.paper.Paper;
import org.dailypapers.search.TextEmbeddings;
import org.dailypapers.search.core.IndexedPaper;

/**
 * {@link TextEmbeddings} over the backend's embedder and the {@code search_vector} table; each backend makes one
 * with the embedder it loads.
 */
public class StoredTextEmbeddings implements TextEmbeddings {

    private final Supplier<BgeEmbedder> embedder;
    private final VectorStore vectors;

    public StoredTextEmbeddings(Supplier<BgeEmbedder> embedder, VectorStore vectors) {
        this.embedder = embedder;
        this.vectors = vectors;
    }

    @Override
    public String modelId() {
        return BgeEmbedder.MODEL_ID;
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        return embedder.get().embedAll(passages);
    }

    @Override
    public List<float[]> embedPapers(List<PaperText> papers) {
        return embedder.get()
                .embedAll(papers.stream().map(PaperText::documentText).toList());
    }

    @Override
    public Map<String, float[]> storedPaperVectors(Collection<Paper> papers) {
        Map<String, String> hashes = new HashMap<>();
        for (Paper p : papers) {
            hashes.put(p.id().id(), IndexedPaper.textHash(BgeEmbedder.documentText(p.title(), p.abstractText())));
        }
        Map<String, float[]> fresh = new HashMap<>();
        vectors.find(hashes.keySet()).forEach((id, v) -> {
            if (v.textHash().equals(hashes.get(id))) {
                fresh.put(id, v.vector());
            }
        });
        return fresh;
    }
}
