package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.function.Supplier;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorStore;

/** Builds the backend's parts, for the application context and for commands that make their own (eval, bench). */
public final class Elasticsearch {

    private Elasticsearch() {}

    /** The official client over the settings' nodes; an API key wins over user and password. */
    public static ElasticsearchClient client(ElasticsearchSettings settings) {
        return ElasticsearchClient.of(b -> {
            b.hosts(settings.uris()).jsonMapper(new Jackson3JsonpMapper());
            if (!settings.apiKey().isBlank()) {
                b.apiKey(settings.apiKey());
            } else if (!settings.username().isBlank()) {
                b.usernameAndPassword(settings.username(), settings.password());
            }
            return b;
        });
    }

    public static ElasticsearchEngine engine(
            PaperDocuments documents, SearchSettings settings, VectorStore vectors, Supplier<BgeEmbedder> embedder) {
        return new ElasticsearchEngine(
                documents.client(),
                documents.alias(),
                embedder,
                id -> {
                    var v = vectors.find(java.util.List.of(id)).get(id);
                    return v == null ? null : v.vector();
                },
                settings.fusionMethod(),
                settings.alpha(),
                settings.depth());
    }
}
