package org.dailypapers.digest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dailypapers.shared.FleetLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs in the server only: a CLI command such as a long import must not start mailing. Every server schedules it and
 * ShedLock lets one run it at a time (the daily run holds its lock 30 seconds at least, so that clocks a little
 * apart do not plan twice); the outbox lets each mail go out once even so. Retries run under a lock of their own:
 * when the instance sending the daily run is killed, another one's retry run delivers what is left within a minute.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "dailypapers.digest.scheduling", havingValue = "true", matchIfMissing = true)
class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestService digests;

    DigestScheduler(DigestService digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "${dailypapers.digest.cron:0 0 7 * * *}")
    @SchedulerLock(name = FleetLocks.DIGEST_SEND, lockAtLeastFor = "PT30S")
    void sendDigests() {
        try {
            SendReport report = digests.sendScheduled();
            log.info(
                    "digests: {} planned, {} sent, {} retrying, {} failed",
                    report.planned(),
                    report.sent(),
                    report.retrying(),
                    report.failed());
        } catch (RuntimeException e) {
            log.error("digest run failed", e);
        }
    }

    @Scheduled(
            fixedDelayString = "${dailypapers.digest.retry-interval:PT1M}",
            initialDelayString = "${dailypapers.digest.retry-interval:PT1M}")
    @SchedulerLock(name = FleetLocks.DIGEST_RETRY)
    void retryDue() {
        try {
            digests.deliverDue();
        } catch (RuntimeException e) {
            log.error("digest retry failed", e);
        }
    }
}
