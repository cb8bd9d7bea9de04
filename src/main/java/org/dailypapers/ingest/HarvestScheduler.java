package org.dailypapers.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily harvest, at {@code dailypapers.arxiv.harvest-cron} (off by default: an instance asks arXiv only when
 * its admin says so). A failed run is logged and retried at the next scheduled time, continuing where it stopped.
 */
@Component
class HarvestScheduler {

    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    private final ArxivHarvester harvester;

    HarvestScheduler(ArxivHarvester harvester) {
        this.harvester = harvester;
    }

    @Scheduled(cron = "${dailypapers.arxiv.harvest-cron:-}", zone = "UTC")
    void harvestDaily() {
        try {
            harvester
                    .harvestUnlessRunning(HarvestRequest.incremental(), new HarvestListener() {
                        @Override
                        public void started(String description, int resumedAtPage) {
                            log.info(
                                    "harvest started: {}{}",
                                    description,
                                    resumedAtPage > 1 ? ", resuming at page " + resumedAtPage : "");
                        }

                        @Override
                        public void problem(String message) {
                            log.warn("harvest: {}", message);
                        }
                    })
                    .ifPresentOrElse(
                            s -> log.info("harvest finished: {}", s.line()),
                            () -> log.info("harvest skipped: another harvest is running"));
        } catch (ArxivException e) {
            log.warn("harvest failed, will continue from the last committed page next time: {}", e.getMessage());
        }
    }
}
