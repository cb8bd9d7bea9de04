package org.dailypapers.search.lucene;

import org.dailypapers.search.embedding.StoredTextEmbeddings;
import org.dailypapers.search.embedding.VectorStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The embedded backend's {@link org.dailypapers.search.TextEmbeddings}: the indexer's embedder. */
@Component
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = "lucene", matchIfMissing = true)
class LuceneTextEmbeddings extends StoredTextEmbeddings {

    LuceneTextEmbeddings(SearchIndexer indexer, VectorStore vectors) {
        super(indexer::embedder, vectors);
    }
}
