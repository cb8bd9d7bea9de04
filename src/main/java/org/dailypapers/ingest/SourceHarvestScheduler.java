package org.dailypapers.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dailypapers.shared.FleetLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily harvest of bioRxiv/medRxiv, the configured Anthology collections and OpenReview invitations, at
 * {@code dailypapers.sources.harvest-cron} (off by default), under its own fleet lock so that one instance runs it.
 * A source that fails is logged and continued from its last committed page the next day; the others still run.
 */
@Component
class SourceHarvestScheduler {

    private static final Logger log = LoggerFactory.getLogger(SourceHarvestScheduler.class);

    private final SourceHarvester harvester;

    SourceHarvestScheduler(SourceHarvester harvester) {
        this.harvester = harvester;
    }

    @Scheduled(cron = "${dailypapers.sources.harvest-cron:-}", zone = "UTC")
    @SchedulerLock(name = FleetLocks.SOURCE_HARVEST, lockAtLeastFor = "PT30S")
    void harvestDaily() {
        for (SourceHarvestRequest request : harvester.dailyRequests()) {
            try {
                harvester
                        .harvestUnlessRunning(request, new HarvestListener() {
                            @Override
                            public void problem(String message) {
                                log.warn("{} harvest: {}", request.source().slug(), message);
                            }
                        })
                        .ifPresentOrElse(
                                s -> log.info(
                                        "{} harvest finished: {}",
                                        request.source().slug(),
                                        s.line()),
                                () -> log.info(
                                        "{} harvest skipped: another is running",
                                        request.source().slug()));
            } catch (SourceException | IllegalArgumentException e) {
                log.warn(
                        "{} harvest failed, continues next time: {}",
                        request.source().slug(),
                        e.getMessage());
            }
        }
    }
}
