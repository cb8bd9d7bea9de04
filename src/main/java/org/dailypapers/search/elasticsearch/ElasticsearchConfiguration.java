package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.PaperKeywords;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorStore;
import org.dailypapers.shared.ComputePool;
import org.dailypapers.shared.FleetLocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;

/** The Elasticsearch backend's beans, in place of the embedded index's when the backend is elasticsearch. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = SearchSettings.ELASTICSEARCH)
class ElasticsearchConfiguration {

    /** One embedder per process, made on first use (its model takes a second and 100 MB). */
    static final class LazyEmbedder implements java.util.function.Supplier<BgeEmbedder>, AutoCloseable {
        private volatile BgeEmbedder embedder;

        @Override
        public BgeEmbedder get() {
            BgeEmbedder e = embedder;
            if (e == null) {
                synchronized (this) {
                    e = embedder;
                    if (e == null) {
                        e = new BgeEmbedder();
                        embedder = e;
                    }
                }
            }
            return e;
        }

        @Override
        public void close() {
            BgeEmbedder e = embedder;
            if (e != null) {
                e.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchSettings settings) {
        return Elasticsearch.client(settings);
    }

    @Bean
    PaperDocuments paperDocuments(
            ElasticsearchClient client, ElasticsearchSettings settings, ObjectProvider<PaperKeywords> keywords) {
        PaperDocuments documents = new PaperDocuments(client, settings);
        // Looked up on use: the summary module that computes keywords itself needs beans of this configuration.
        documents.keywordsFrom(ids -> {
            PaperKeywords k = keywords.getIfAvailable();
            return k == null ? java.util.Map.of() : k.keywordsOf(ids);
        });
        return documents;
    }

    @Bean(destroyMethod = "close")
    LazyEmbedder searchEmbedder() {
        return new LazyEmbedder();
    }

    /** Keywords and summaries embed through the same lazily loaded embedder. */
    @Bean
    org.dailypapers.search.TextEmbeddings textEmbeddings(LazyEmbedder embedder, VectorStore vectors) {
        return new org.dailypapers.search.embedding.StoredTextEmbeddings(embedder, vectors);
    }

    @Bean
    ElasticsearchIndexer elasticsearchIndexer(
            PaperCatalog catalog,
            VectorStore vectors,
            SearchSettings settings,
            ElasticsearchSettings es,
            PaperDocuments documents,
            ObjectProvider<FleetLocks> locks,
            LazyEmbedder embedder,
            ApplicationContext context) {
        boolean background = settings.backgroundIndexing() != null
                ? settings.backgroundIndexing()
                : context instanceof WebApplicationContext;
        return new ElasticsearchIndexer(
                catalog, vectors, settings, documents, locks.getIfAvailable(), background, embedder);
    }

    @Bean
    ElasticsearchSearchService elasticsearchSearchService(
            PaperDocuments documents,
            SearchSettings settings,
            VectorStore vectors,
            LazyEmbedder embedder,
            PaperCatalog catalog,
            ComputePool compute) {
        return ElasticsearchSearchService.over(
                Elasticsearch.engine(documents, settings, vectors, embedder).embeddingOn(compute), catalog);
    }

    @Bean
    ElasticsearchHealthIndicator searchHealthIndicator(PaperDocuments documents) {
        return new ElasticsearchHealthIndicator(documents);
    }
}
