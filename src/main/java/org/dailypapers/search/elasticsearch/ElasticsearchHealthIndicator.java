package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code search} component of {@code /actuator/health}: green is UP; yellow (a replica unassigned, searches
 * answer) is UP with the detail; red or unreachable is DOWN.
 */
public class ElasticsearchHealthIndicator implements HealthIndicator {

    private final PaperDocuments documents;

    public ElasticsearchHealthIndicator(PaperDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Health health() {
        try {
            HealthResponse h = documents.client().cluster().health(r -> r.timeout(t -> t.time("2s")));
            Health.Builder b = h.status() == HealthStatus.Red ? Health.down() : Health.up();
            b.withDetail("backend", "elasticsearch")
                    .withDetail("cluster", h.clusterName())
                    .withDetail("status", h.status().jsonValue())
                    .withDetail("nodes", h.numberOfNodes());
            if (h.status() == HealthStatus.Yellow) {
                b.withDetail(
                        "detail",
                        "yellow: every primary shard is assigned but " + h.unassignedShards()
                                + " replica shard(s) are not; searches answer");
            }
            return b.build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("backend", "elasticsearch")
                    .withDetail("error", "the search cluster does not answer: " + e.getMessage())
                    .build();
        }
    }
}
