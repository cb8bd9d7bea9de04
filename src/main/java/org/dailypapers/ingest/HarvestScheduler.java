package org.dailypapers.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dailypapers.shared.FleetLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily harvest, at {@code dailypapers.arxiv.harvest-cron} (off by default: an instance asks arXiv only when
 * its admin says so). A failed run is logged and retried at the next scheduled time, continuing where it stopped.
 *
 * <p>Every instance schedules it; the {@value FleetLocks#ARXIV_HARVEST} lock lets one run it. The lock is held at
 * least 30 seconds, so an instance whose clock is a little behind does not start the day's harvest again after a
 * quick one ended. An instance killed during a harvest leaves it unfinished: within a minute its lock runs out and
 * another instance's resume check continues it from the last committed page.
 */
@Component
class HarvestScheduler {

    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    private final ArxivHarvester harvester;
    private final boolean harvestScheduled;

    HarvestScheduler(ArxivHarvester harvester, @Value("${dailypapers.arxiv.harvest-cron:-}") String cron) {
        this.harvester = harvester;
        this.harvestScheduled = !cron.isBlank() && !"-".equals(cron.trim());
    }

    @Scheduled(cron = "${dailypapers.arxiv.harvest-cron:-}", zone = "UTC")
    @SchedulerLock(name = FleetLocks.ARXIV_HARVEST, lockAtLeastFor = "PT30S")
    void harvestDaily() {
        harvest();
    }

    /** Continues a harvest that a killed instance left unfinished; only where the daily harvest is switched on. */
    @Scheduled(
            fixedDelayString = "${dailypapers.arxiv.harvest-resume-interval:PT1M}",
            initialDelayString = "${dailypapers.arxiv.harvest-resume-interval:PT1M}")
    @SchedulerLock(name = FleetLocks.ARXIV_HARVEST)
    void resumeUnfinished() {
        if (harvestScheduled && harvester.hasUnfinishedHarvest()) {
            log.info("continuing an unfinished harvest");
            harvest();
        }
    }

    private void harvest() {
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
