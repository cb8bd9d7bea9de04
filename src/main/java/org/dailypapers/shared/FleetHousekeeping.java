package org.dailypapers.shared;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Drops expired sessions and rate-limit buckets once a minute, on one instance of the fleet. Spring Session's own
 * clean-up runs on every instance; {@code spring.session.jdbc.cleanup-cron=-} turns it off in favour of this one.
 */
@Component
class FleetHousekeeping {

    private static final int BATCH = 1_000;

    private final ProxyManager<String> buckets;
    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

    FleetHousekeeping(ProxyManager<String> buckets, ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        this.buckets = buckets;
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = FleetLocks.HOUSEKEEPING)
    void dropExpired() {
        if (buckets instanceof ExpiredEntriesCleaner cleaner) {
            while (cleaner.removeExpired(BATCH) == BATCH) {
                // another batch
            }
        }
        sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
    }
}
