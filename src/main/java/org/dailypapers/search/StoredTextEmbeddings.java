package org.dailypapers.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.Paper;
import org.springframework.stereotype.Component;

/** {@link TextEmbeddings} over the indexer's embedder and the {@code search_vector} table. */
@Component
class StoredTextEmbeddings implements TextEmbeddings {

    private final SearchIndexer indexer;
    private final VectorStore vectors;

    StoredTextEmbeddings(SearchIndexer indexer, VectorStore vectors) {
        this.indexer = indexer;
        this.vectors = vectors;
    }

    @Override
    public String modelId() {
        return BgeEmbedder.MODEL_ID;
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        return indexer.embedder().embedAll(passages);
    }

    @Override
    public List<float[]> embedPapers(List<PaperText> papers) {
        return indexer.embedder()
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
