package org.dailypapers.digest;

import jakarta.mail.MessagingException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/** Sends what the outbox holds, one claimed row at a time. */
@Component
class DigestDelivery {

    private static final Logger log = LoggerFactory.getLogger(DigestDelivery.class);

    /** Backoff stops growing here, so a long outage is retried a few times a day rather than once a month. */
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final DigestOutbox outbox;
    private final DigestMailer mailer;
    private final DigestProperties properties;
    private final String owner;

    DigestDelivery(DigestOutbox outbox, DigestMailer mailer, DigestProperties properties) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    record Outcome(int sent, int retrying, int failed) {
        static final Outcome NONE = new Outcome(0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(sent + o.sent, retrying + o.retrying, failed + o.failed);
        }
    }

    /** Sends every row due at {@code now}; rows that fail are rescheduled and not tried again in this call. */
    Outcome deliverDue(Instant now) {
        return deliverDue(now, null);
    }

    /** As {@link #deliverDue(Instant)}, limited to one recipient when {@code onlyTo} is set. */
    synchronized Outcome deliverDue(Instant now, @Nullable String onlyTo) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        Set<String> tried = new HashSet<>();
        while (true) {
            List<String> due = outbox.dueIds(now, 100, onlyTo).stream()
                    .filter(id -> !tried.contains(id))
                    .toList();
            if (due.isEmpty()) {
                return new Outcome(sent, retrying, failed);
            }
            for (String id : due) {
                tried.add(id);
                Optional<OutboxMail> claimed = outbox.claim(id, owner, now, properties.lease());
                if (claimed.isEmpty()) {
                    continue;
                }
                switch (deliver(claimed.get(), now)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case FAILED -> failed++;
                }
            }
        }
    }

    private enum Result {
        SENT,
        RETRYING,
        FAILED
    }

    private Result deliver(OutboxMail mail, Instant now) {
        try {
            mailer.send(mailer.digestMessage(mail));
        } catch (DigestMailer.PermanentFailure e) {
            log.warn("digest to {} for {} refused permanently: {}", mail.recipient(), mail.period(), e.getMessage());
            outbox.markFailed(mail.id(), owner, now, e.getMessage());
            return Result.FAILED;
        } catch (MessagingException e) {
            outbox.markFailed(mail.id(), owner, now, DigestMailer.describe(e));
            return Result.FAILED;
        } catch (MailException e) {
            String error = DigestMailer.describe(e);
            if (mail.attempts() >= properties.maxAttempts()) {
                log.warn(
                        "digest to {} for {} failed {} times, giving up: {}",
                        mail.recipient(),
                        mail.period(),
                        mail.attempts(),
                        error);
                outbox.markFailed(mail.id(), owner, now, error);
                return Result.FAILED;
            }
            Instant next = now.plus(backoff(properties.retryBackoff(), mail.attempts()));
            log.info(
                    "digest to {} for {} failed (attempt {}), retrying at {}: {}",
                    mail.recipient(),
                    mail.period(),
                    mail.attempts(),
                    next,
                    error);
            outbox.markRetry(mail.id(), owner, next, error);
            return Result.RETRYING;
        }
        if (!outbox.markSent(mail.id(), owner, Instant.now())) {
            log.warn(
                    "digest to {} for {} was sent after its lease ran out; another instance may send it again",
                    mail.recipient(),
                    mail.period());
        }
        return Result.SENT;
    }

    /** base, 2·base, 4·base … after the 1st, 2nd, 3rd failed attempt, capped. */
    static Duration backoff(Duration base, int attempts) {
        int doublings = Math.max(0, Math.min(30, attempts - 1));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
