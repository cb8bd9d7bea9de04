package org.dailypapers.search.elasticsearch;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.search.elasticsearch.*}, read when {@code dailypapers.search.backend} is
 * {@code elasticsearch}.
 *
 * @param uris nodes to talk to ({@code DAILYPAPERS_ES_URIS}, comma-separated)
 * @param username basic-auth user, or empty
 * @param password basic-auth password, or empty
 * @param apiKey an API key (the encoded form Elasticsearch hands out), or empty; wins over user and password
 * @param indexPrefix names the alias ({@code PREFIX-papers}) and its indices ({@code PREFIX-papers-TIMESTAMP}), so
 *     that several installations can share a cluster
 * @param shards primary shards of a new index
 * @param replicas replicas of a new index (1 or more on a cluster of several nodes)
 * @param vectorIndex the {@code dense_vector} index type (docs/decisions/0006-elasticsearch-vectors.md)
 */
@ConfigurationProperties("dailypapers.search.elasticsearch")
public record ElasticsearchSettings(
        @DefaultValue("http://127.0.0.1:9200") List<URI> uris,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String apiKey,
        @DefaultValue("dailypapers") String indexPrefix,
        @DefaultValue("1") int shards,
        @DefaultValue("0") int replicas,
        @DefaultValue("bbq_hnsw") String vectorIndex) {

    public ElasticsearchSettings {
        uris = List.copyOf(uris);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(
                    "dailypapers.search.elasticsearch.uris (DAILYPAPERS_ES_URIS) names no node");
        }
        for (URI u : uris) {
            if (u.getHost() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException("dailypapers.search.elasticsearch.uris (DAILYPAPERS_ES_URIS): '" + u
                        + "' is not an http(s)://host:port address");
            }
        }
        if (!List.of("hnsw", "int8_hnsw", "int4_hnsw", "bbq_hnsw").contains(vectorIndex)) {
            throw new IllegalArgumentException(
                    "dailypapers.search.elasticsearch.vector-index must be hnsw, int8_hnsw, int4_hnsw or bbq_hnsw, not '"
                            + vectorIndex + "'");
        }
    }

    /** Settings for tests and commands that talk to the given nodes with the defaults otherwise. */
    public static ElasticsearchSettings of(List<URI> uris, String indexPrefix) {
        return new ElasticsearchSettings(uris, "", "", "", indexPrefix, 1, 0, "bbq_hnsw");
    }

    public ElasticsearchSettings withVectorIndex(String type) {
        return new ElasticsearchSettings(uris, username, password, apiKey, indexPrefix, shards, replicas, type);
    }

    public ElasticsearchSettings withReplicas(int n) {
        return new ElasticsearchSettings(uris, username, password, apiKey, indexPrefix, shards, n, vectorIndex);
    }

    /** Comma-separated node addresses, as {@code DAILYPAPERS_ES_URIS} gives them. */
    public static List<URI> parseUris(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of(URI.create("http://127.0.0.1:9200"));
        }
        return java.util.Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(URI::create)
                .toList();
    }

    public String alias() {
        return indexPrefix + "-papers";
    }
}
