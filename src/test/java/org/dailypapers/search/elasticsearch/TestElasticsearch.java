package org.dailypapers.search.elasticsearch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cluster tests run against: {@code DAILYPAPERS_TEST_ES_URIS}, which {@code .ci/run} sets after starting one
 * (.ci/elasticsearch.sh). Tests that need it are skipped only when it is unset, and {@link
 * ElasticsearchTestEnvironmentTest} fails in CI when it is.
 */
public final class TestElasticsearch {

    public static final String URIS_VARIABLE = "DAILYPAPERS_TEST_ES_URIS";

    private TestElasticsearch() {}

    public static String urisText() {
        String v = System.getenv(URIS_VARIABLE);
        return v == null ? "" : v.trim();
    }

    public static List<URI> uris() {
        return ElasticsearchSettings.parseUris(urisText());
    }

    /** An index prefix of its own per test class and run, so that runs never see each other's documents. */
    public static String uniquePrefix(String name) {
        return "test-" + name.toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
