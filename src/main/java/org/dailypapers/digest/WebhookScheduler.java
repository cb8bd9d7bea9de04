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
 * Runs in the server only, as {@link DigestScheduler} does: plans webhook deliveries on a schedule and sends those due
 * for a retry. Several servers may run it at once; the outbox lets each (webhook, period) go out once.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "dailypapers.webhooks.scheduling", havingValue = "true", matchIfMissing = true)
class WebhookScheduler {

    private static final Logger log = LoggerFactory.getLogger(WebhookScheduler.class);

    private final WebhookService webhooks;

    WebhookScheduler(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(cron = "${dailypapers.webhooks.cron:0 10 * * * *}")
    @SchedulerLock(name = FleetLocks.WEBHOOK_SEND, lockAtLeastFor = "PT30S")
    void sendWebhooks() {
        try {
            WebhookService.Outcome o = webhooks.run();
            if (o.planned() + o.sent() + o.retrying() + o.failed() > 0) {
                log.info(
                        "webhooks: {} planned, {} sent, {} retrying, {} failed",
                        o.planned(),
                        o.sent(),
                        o.retrying(),
                        o.failed());
            }
        } catch (RuntimeException e) {
            log.error("webhook run failed", e);
        }
    }

    @Scheduled(
            fixedDelayString = "${dailypapers.webhooks.retry-interval:PT1M}",
            initialDelayString = "${dailypapers.webhooks.retry-interval:PT1M}")
    @SchedulerLock(name = FleetLocks.WEBHOOK_RETRY)
    void retryDue() {
        try {
            webhooks.deliverDue(java.time.Instant.now());
        } catch (RuntimeException e) {
            log.error("webhook retry failed", e);
        }
    }
}
