package org.dailypapers.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** In CI the Elasticsearch tests must run, never be skipped: .ci/run starts a node and says where. */
class ElasticsearchTestEnvironmentTest {

    @Test
    @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
    void shouldHaveAClusterForTheElasticsearchTestsInCi() {
        assertThat(TestElasticsearch.urisText())
                .as("CI=true but " + TestElasticsearch.URIS_VARIABLE + " is unset; .ci/run starts Elasticsearch"
                        + " (.ci/elasticsearch.sh) and sets it")
                .isNotEmpty();
    }
}
