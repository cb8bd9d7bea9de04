package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.StartupTasks;
import org.dailypapers.shared.StatisticsContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance can serve readers, as a proxy's health check asks on {@code /actuator/health/readiness}
 * (and {@code /actuator/health}): OUT_OF_SERVICE until the catalog is migrated and reachable, the startup work of
 * {@code serve} (the demo data) is done and search answers with papers in its index. Without it, a proxy sends the
 * first readers of a freshly started instance to an empty site.
 */
@Component("serving")
class ServingHealthIndicator implements HealthIndicator {

    private final PaperCatalog catalog;
    private final StartupTasks startup;
    private final List<StatisticsContributor> statistics;

    ServingHealthIndicator(PaperCatalog catalog, StartupTasks startup, List<StatisticsContributor> statistics) {
        this.catalog = catalog;
        this.startup = startup;
        this.statistics = statistics;
    }

    /**
     * Once ready, an instance stays ready until it stops (Spring Boot's own readiness state turns to REFUSING_TRAFFIC
     * then): the checks below cost queries, and a proxy asks every second, behind the readers' requests.
     */
    private volatile boolean ready;

    @Override
    public Health health() {
        if (ready) {
            return Health.up().build();
        }
        if (startup.pending()) {
            return Health.outOfService().withDetail("waiting", "startup tasks").build();
        }
        // The context starts only after Flyway migrated the catalog; reading it proves it is reachable.
        long papers = catalog.counts().papers();
        // Search reports how much it holds among the statistics; an index that cannot be reached throws here.
        long indexed = statistics.stream()
                .mapToLong(s -> s.statistics().getOrDefault("indexed", 0L))
                .sum();
        if (papers > 0 && indexed == 0) {
            return Health.outOfService().withDetail("waiting", "search index").build();
        }
        ready = true;
        return Health.up().build();
    }
}
