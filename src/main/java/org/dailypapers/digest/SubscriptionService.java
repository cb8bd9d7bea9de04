package org.dailypapers.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.shared.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/** Subscribing with double opt-in, confirming, unsubscribing and changing preferences through signed links. */
@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final SubscriptionRepository subscriptions;
    private final DigestOutbox outbox;
    private final DigestMailer mailer;
    private final DigestLinks links;
    private final DigestProperties properties;
    private final RateLimits limits;

    SubscriptionService(
            SubscriptionRepository subscriptions,
            DigestOutbox outbox,
            DigestMailer mailer,
            DigestLinks links,
            DigestProperties properties,
            RateLimits limits) {
        this.limits = limits;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.mailer = mailer;
        this.links = links;
        this.properties = properties;
    }

    enum SubscribeOutcome {
        /** A confirmation (or, for an existing subscriber, a link to the preferences) is on its way. */
        MAIL_SENT,
        INVALID_ADDRESS,
        RATE_LIMITED,
        MAIL_FAILED
    }

    static Optional<String> normalize(String raw) {
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
            return Optional.empty();
        }
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /**
     * Answers the same whether or not the address is already subscribed, so the form does not reveal who reads the
     * digest; an existing subscriber gets their preference link instead of a second confirmation.
     */
    SubscribeOutcome subscribe(String rawEmail, Subscription.Preferences prefs, String clientIp, Instant now) {
        Optional<String> email = normalize(rawEmail);
        if (email.isEmpty()) {
            return SubscribeOutcome.INVALID_ADDRESS;
        }
        // Against subscription bombing: a client address may only ask so often, and an address only receives so
        // many confirmation mails, counted over all instances.
        if (!limits.takeIfAny(
                        "digest-subscribe:ip:" + clientIp,
                        new RateLimits.Limit(properties.subscribesPerIpPerHour(), Duration.ofHours(1)))
                || !limits.takeIfAny(
                        "digest-subscribe:to:" + email.get(),
                        new RateLimits.Limit(properties.subscribesPerAddressPerDay(), Duration.ofDays(1)))) {
            return SubscribeOutcome.RATE_LIMITED;
        }
        Optional<Subscription> existing = subscriptions.findByEmail(email.get());
        try {
            if (existing.isPresent()
                    && (existing.get().status() == Subscription.Status.ACTIVE
                            || existing.get().status() == Subscription.Status.PAUSED)) {
                mailer.send(mailer.plainMessage(
                        email.get(),
                        "Your dailypapers digest subscription",
                        "Someone, probably you, asked to subscribe this address to the dailypapers digest. It is"
                                + " already subscribed.\n\nChange what you receive, pause or unsubscribe:\n"
                                + links.manageUrl(existing.get().id(), now)
                                + "\n\nIf it was not you, you can ignore this mail.\n"));
                return SubscribeOutcome.MAIL_SENT;
            }
            Subscription pending = subscriptions.savePending(email.get(), prefs, now);
            mailer.send(mailer.plainMessage(
                    email.get(),
                    "Confirm your dailypapers digest subscription",
                    "Please confirm that you want the dailypapers digest at this address:\n\n"
                            + links.confirmUrl(pending.id(), now)
                            + "\n\nThe link works for "
                            + properties.confirmationValidity().toHours()
                            + " hours. If you did not ask for this, ignore this mail and nothing will be sent.\n"));
            return SubscribeOutcome.MAIL_SENT;
        } catch (MessagingException | DigestMailer.PermanentFailure | MailException e) {
            log.warn("cannot send the subscription mail to {}: {}", email.get(), DigestMailer.describe(e));
            return SubscribeOutcome.MAIL_FAILED;
        }
    }

    Optional<Subscription> confirm(String token, Instant now) {
        return links.verify(token, LinkSigner.Purpose.CONFIRM, now)
                .flatMap(subscriptions::find)
                .map(s -> {
                    subscriptions.confirm(s.id(), now);
                    return subscriptions.find(s.id()).orElseThrow();
                });
    }

    /** Valid unsubscribe token → the subscription it names, without changing anything. */
    Optional<Subscription> forUnsubscribeToken(String token, Instant now) {
        return links.verify(token, LinkSigner.Purpose.UNSUBSCRIBE, now).flatMap(subscriptions::find);
    }

    Optional<Subscription> unsubscribe(String token, LinkSigner.Purpose purpose, Instant now) {
        return links.verify(token, purpose, now).flatMap(subscriptions::find).map(s -> {
            subscriptions.setStatus(s.id(), Subscription.Status.UNSUBSCRIBED);
            outbox.cancelUnsent(s.id());
            return subscriptions.find(s.id()).orElseThrow();
        });
    }

    Optional<Subscription> forManageToken(String token, Instant now) {
        return links.verify(token, LinkSigner.Purpose.MANAGE, now).flatMap(subscriptions::find);
    }

    /** Saves preferences; a subscription that had been left is not revived through an old link. */
    Optional<Subscription> update(String token, Subscription.Preferences prefs, boolean paused, Instant now) {
        return forManageToken(token, now)
                .filter(s -> s.status() == Subscription.Status.ACTIVE || s.status() == Subscription.Status.PAUSED)
                .map(s -> {
                    subscriptions.updatePreferences(s.id(), prefs);
                    subscriptions.setStatus(s.id(), paused ? Subscription.Status.PAUSED : Subscription.Status.ACTIVE);
                    if (paused) {
                        outbox.cancelUnsent(s.id());
                    }
                    return subscriptions.find(s.id()).orElseThrow();
                });
    }
}
