package org.dailypapers.digest;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.follow.ForYou;
import org.dailypapers.follow.Recommendation;
import org.dailypapers.follow.VersionUpdate;
import org.dailypapers.follow.VersionUpdates;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks: registration, and delivery through the outbox as mail goes. A reader's webhook gets the new papers of
 * what they follow (authors, organisations, categories, saved searches) and the new versions of papers they follow
 * or liked; a site webhook (admins) gets the day's trending papers. At most one delivery per (webhook, period),
 * none when nothing is new; retried with backoff on 5xx, 429 and time-outs; a 410 disables the webhook, as do
 * {@code client-error-limit} 4xx answers in a row; the last failure is kept for the settings page.
 */
@Service
public class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TRENDING_COUNT = 10;
    private static final int FOLLOWED_COUNT = 20;
    /** A webhook that was off for a while gets the last week, not everything since. */
    private static final int MAX_CATCH_UP_DAYS = 7;

    private final WebhookRepository webhooks;
    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final ObjectProvider<ForYou> forYou;
    private final ObjectProvider<VersionUpdates> versionUpdates;
    private final DigestLinks links;
    private final TransactionTemplate transactions;
    private final String owner;

    WebhookService(
            WebhookRepository webhooks,
            WebhookOutbox outbox,
            WebhookSender sender,
            WebhookProperties properties,
            PaperCatalog catalog,
            AccountService accounts,
            ObjectProvider<ForYou> forYou,
            ObjectProvider<VersionUpdates> versionUpdates,
            DigestLinks links,
            TransactionTemplate transactions) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.catalog = catalog;
        this.accounts = accounts;
        this.forYou = forYou;
        this.versionUpdates = versionUpdates;
        this.links = links;
        this.transactions = transactions;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What one run did. */
    public record Outcome(int planned, int nothingNew, int sent, int retrying, int failed) {
        Outcome plus(Outcome o) {
            return new Outcome(
                    planned + o.planned,
                    nothingNew + o.nothingNew,
                    sent + o.sent,
                    retrying + o.retrying,
                    failed + o.failed);
        }
    }

    /**
     * Registers a webhook; {@code site} (the daily trending of the whole site) is for admins only.
     *
     * @throws WebhookException naming the field at fault, for a refused URL among others
     */
    public Webhook register(AccountPrincipal user, String shape, String url, boolean site) {
        Webhook.Shape s = Webhook.Shape.parse(shape)
                .orElseThrow(() -> new WebhookException("shape", "shape must be slack, discord or json"));
        if (site && !user.admin()) {
            throw new WebhookException("scope", "only admins can register a webhook for the whole site");
        }
        if (url.length() > 2_000) {
            throw new WebhookException("url", "url must be at most 2,000 characters");
        }
        URI checked;
        try {
            checked = UrlGuard.check(url, properties.allowPrivateNetworks());
        } catch (UrlGuard.RefusedUrl e) {
            throw new WebhookException("url", e.getMessage());
        }
        if (webhooks.ofUser(user.id()).size() >= properties.maxPerReader()) {
            throw new WebhookException("url", "at most " + properties.maxPerReader() + " webhooks per reader");
        }
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return webhooks.create(
                user.id(),
                site ? Webhook.Scope.SITE : Webhook.Scope.READER,
                s,
                checked.toString(),
                HexFormat.of().formatHex(key),
                Instant.now());
    }

    public List<Webhook> of(AccountPrincipal user) {
        return webhooks.ofUser(user.id());
    }

    public boolean delete(AccountPrincipal user, String id) {
        return webhooks.delete(id, user.id());
    }

    public boolean enable(AccountPrincipal user, String id) {
        return webhooks.enable(id, user.id());
    }

    /** The scheduled run: plan what is new, then deliver what is due. */
    public Outcome run() {
        Instant now = Instant.now();
        return plan(now).plus(deliverDue(now));
    }

    /** Composes a delivery for every active webhook with something new in its period. */
    public Outcome plan(Instant now) {
        LocalDate latest = catalog.latestDay().orElse(null);
        if (latest == null) {
            return new Outcome(0, 0, 0, 0, 0);
        }
        int planned = 0;
        int nothingNew = 0;
        for (Webhook w : webhooks.active()) {
            LocalDate from = latest.minusDays(MAX_CATCH_UP_DAYS - 1L);
            if (w.lastPeriodEnd() != null && !w.lastPeriodEnd().isBefore(from)) {
                from = w.lastPeriodEnd().plusDays(1);
            }
            if (w.lastPeriodEnd() == null) {
                from = latest;
            }
            String period = "day:" + latest;
            if (from.isAfter(latest) || outbox.exists(w.id(), period)) {
                nothingNew++;
                continue;
            }
            Optional<WebhookPayloads.Message> message = compose(w, from, latest, period);
            if (message.isEmpty()) {
                webhooks.setLastPeriodEnd(w.id(), latest);
                nothingNew++;
                continue;
            }
            String body = WebhookPayloads.render(w.shape(), w.id() + "/" + period, message.get());
            Boolean added = transactions.execute(tx -> {
                boolean inserted = outbox.enqueue(w.id(), period, w.url(), body, now);
                if (inserted) {
                    webhooks.setLastPeriodEnd(w.id(), latest);
                }
                return inserted;
            });
            if (Boolean.TRUE.equals(added)) {
                planned++;
            }
        }
        return new Outcome(planned, nothingNew, 0, 0, 0);
    }

    private Optional<WebhookPayloads.Message> compose(Webhook w, LocalDate from, LocalDate to, String period) {
        String site = links.baseUrl();
        List<WebhookPayloads.Section> sections = new ArrayList<>();
        List<DailyPaper> window = catalog.daily(new DailyQuery(from, to, DailySort.TRENDING, null, null), 0, 2_000)
                .items();
        String title;
        if (w.scope() == Webhook.Scope.SITE) {
            title = "Trending on Daily Papers, " + (from.equals(to) ? to.toString() : from + " to " + to);
            List<WebhookPayloads.Item> items = window.stream()
                    .limit(TRENDING_COUNT)
                    .map(dp -> item(dp.paper(), dp.paper().upvotes() + " upvotes"))
                    .toList();
            if (!items.isEmpty()) {
                sections.add(new WebhookPayloads.Section("trending", "Trending", items));
            }
        } else {
            Account account = accounts.findById(w.userId()).orElse(null);
            if (account == null) {
                return Optional.empty();
            }
            title = "New for you on Daily Papers, " + (from.equals(to) ? to.toString() : from + " to " + to);
            ForYou ranking = forYou.getIfAvailable();
            if (ranking != null) {
                List<WebhookPayloads.Item> items = ranking.rank(account.email(), window, Set.of(), 500).stream()
                        .map(r -> r.reasons().stream()
                                .filter(x -> x.kind() == Recommendation.Kind.FOLLOW
                                        || x.kind() == Recommendation.Kind.SEARCH)
                                .findFirst()
                                .map(x -> item(r.paper(), x.text()))
                                .orElse(null))
                        .filter(java.util.Objects::nonNull)
                        .limit(FOLLOWED_COUNT)
                        .toList();
                if (!items.isEmpty()) {
                    sections.add(new WebhookPayloads.Section("follows", "From what you follow", items));
                }
            }
            VersionUpdates updates = versionUpdates.getIfAvailable();
            if (updates != null) {
                Set<String> seen = new HashSet<>();
                List<WebhookPayloads.Item> updated = new ArrayList<>();
                for (VersionUpdate u : updates.forReader(
                        account.email(), from.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                    if (seen.add(u.paper().id().id() + "v" + u.toVersion())) {
                        updated.add(item(u.paper(), u.summary()));
                    }
                }
                if (!updated.isEmpty()) {
                    sections.add(new WebhookPayloads.Section("updated", "Updated", updated));
                }
            }
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookPayloads.Message(period, title, site, sections));
    }

    private WebhookPayloads.Item item(Paper p, @Nullable String note) {
        return new WebhookPayloads.Item(
                p.id().id(), p.title(), links.baseUrl() + "/papers/" + p.id().id(), p.absUrl(), p.authors(), note);
    }

    /** Sends every delivery due at {@code now}; a failed one is rescheduled and not tried again in this call. */
    public synchronized Outcome deliverDue(Instant now) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        Set<String> tried = new HashSet<>();
        while (true) {
            List<String> due = outbox.dueIds(now, 100).stream()
                    .filter(id -> !tried.contains(id))
                    .toList();
            if (due.isEmpty()) {
                return new Outcome(0, 0, sent, retrying, failed);
            }
            for (String id : due) {
                tried.add(id);
                Optional<WebhookOutbox.Delivery> claimed = outbox.claim(id, owner, now, properties.lease());
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

    private Result deliver(WebhookOutbox.Delivery d, Instant now) {
        Webhook w = webhooks.find(d.webhookId()).orElse(null);
        if (w == null || w.status() != Webhook.Status.ACTIVE) {
            outbox.markFailed(d.id(), owner, now, "webhook disabled or deleted before delivery");
            return Result.FAILED;
        }
        URI url;
        try {
            url = UrlGuard.check(d.url(), properties.allowPrivateNetworks());
        } catch (UrlGuard.RefusedUrl e) {
            outbox.markFailed(d.id(), owner, now, e.getMessage());
            webhooks.failed(w.id(), e.getMessage(), now);
            return Result.FAILED;
        }
        WebhookSender.Answer answer = sender.post(url, d.id(), w.secret(), d.body(), Instant.now());
        if (answer.delivered()) {
            if (!outbox.markSent(d.id(), owner, Instant.now())) {
                log.warn("webhook {} for {} was delivered after its lease ran out", w.id(), d.period());
            }
            webhooks.delivered(w.id());
            return Result.SENT;
        }
        String error = describe(answer);
        int s = answer.status();
        if (s == 410) {
            outbox.markFailed(d.id(), owner, now, error);
            webhooks.clientError(w.id(), error + " \u2014 the receiver says the webhook is gone; disabled", now, 1);
            log.info("webhook {} answered 410 and is disabled", w.id());
            return Result.FAILED;
        }
        if (s >= 400 && s < 500 && s != 429 && s != 408) {
            outbox.markFailed(d.id(), owner, now, error);
            if (webhooks.clientError(w.id(), error, now, properties.clientErrorLimit())) {
                log.info("webhook {} disabled after {} client errors in a row", w.id(), properties.clientErrorLimit());
            }
            return Result.FAILED;
        }
        if (s >= 300 && s < 400) {
            outbox.markFailed(d.id(), owner, now, error + " (redirects are not followed)");
            webhooks.clientError(w.id(), error + " (redirects are not followed)", now, properties.clientErrorLimit());
            return Result.FAILED;
        }
        // 5xx, 429, 408, time-out, refused connection: temporary
        if (d.attempts() >= properties.maxAttempts()) {
            outbox.markFailed(d.id(), owner, now, error);
            webhooks.failed(w.id(), error + " (gave up after " + d.attempts() + " attempts)", now);
            return Result.FAILED;
        }
        Instant next = now.plus(DigestDelivery.backoff(properties.retryBackoff(), d.attempts()));
        outbox.markRetry(d.id(), owner, next, error);
        webhooks.failed(w.id(), error + " (retrying at " + next + ")", now);
        return Result.RETRYING;
    }

    private static String describe(WebhookSender.Answer a) {
        if (a.status() == 0) {
            return a.detail();
        }
        return "HTTP " + a.status() + (a.detail().isEmpty() ? "" : ": " + a.detail());
    }

    /** Delivery rows per status, for tests and admins. */
    public java.util.Map<String, Long> outboxCounts() {
        return outbox.countsByStatus();
    }
}
