package org.dailypapers.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.DailyPapersProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The digest module's entry point: plan digests into the outbox and deliver them; dry runs; failures for admins. */
@Service
public class DigestService {

    static final String DRY_RUN_FOLDER = "digest-dry-run";
    private static final String PREVIEW_ADDRESS = "preview@example.org";
    /** Sent mails keep their text this long, for support questions; then only the row that blocks a resend stays. */
    private static final Duration KEEP_BODIES = Duration.ofDays(30);

    private final SubscriptionRepository subscriptions;
    private final DigestComposer composer;
    private final DigestOutbox outbox;
    private final DigestDelivery delivery;
    private final DigestMailer mailer;
    private final DigestLinks links;
    private final DigestProperties properties;
    private final DailyPapersProperties app;
    private final PaperCatalog catalog;
    private final TransactionTemplate transactions;

    DigestService(
            SubscriptionRepository subscriptions,
            DigestComposer composer,
            DigestOutbox outbox,
            DigestDelivery delivery,
            DigestMailer mailer,
            DigestLinks links,
            DigestProperties properties,
            DailyPapersProperties app,
            PaperCatalog catalog,
            TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.outbox = outbox;
        this.delivery = delivery;
        this.mailer = mailer;
        this.links = links;
        this.properties = properties;
        this.app = app;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    /**
     * Plans the digests that are due and delivers the outbox; what {@code dailypapers digest send} runs. Mails that
     * another process was sending when it stopped are taken over once their lease runs out, so a rerun after a crash
     * finishes the job.
     *
     * @param onlyTo restrict to the subscriber with this address; with no such subscriber, a one-off trending digest
     *     is sent to it so an admin can check the SMTP set-up
     */
    public SendReport send(boolean dryRun, @Nullable String onlyTo) {
        String to = onlyTo == null ? null : onlyTo.strip().toLowerCase(Locale.ROOT);
        if (dryRun) {
            return dryRun(to, Instant.now());
        }
        if (to != null
                && subscriptions
                        .findByEmail(to)
                        .filter(s -> s.status() == Subscription.Status.ACTIVE)
                        .isEmpty()) {
            return sendPreview(to, Instant.now());
        }
        int[] planned = plan(Instant.now(), to);
        DigestDelivery.Outcome outcome = delivery.deliverDue(Instant.now(), to);
        Instant giveUpAt = Instant.now().plus(properties.lease());
        while (true) {
            Optional<Instant> expiry = outbox.nextLeaseExpiry(Instant.now());
            if (expiry.isEmpty() || expiry.get().isAfter(giveUpAt)) {
                break;
            }
            waitUntil(expiry.get());
            outcome = outcome.plus(delivery.deliverDue(Instant.now(), to));
        }
        return new SendReport(
                planned[0], planned[1], outcome.sent(), outcome.retrying(), outcome.failed(), null, List.of());
    }

    /** The scheduled run: plan and deliver, without waiting for mails other instances hold. */
    public SendReport sendScheduled() {
        outbox.compact(Instant.now().minus(KEEP_BODIES));
        int[] planned = plan(Instant.now(), null);
        DigestDelivery.Outcome outcome = delivery.deliverDue(Instant.now());
        return new SendReport(
                planned[0], planned[1], outcome.sent(), outcome.retrying(), outcome.failed(), null, List.of());
    }

    /** Delivers outbox rows that are due, retries included. */
    public SendReport deliverDue() {
        DigestDelivery.Outcome outcome = delivery.deliverDue(Instant.now());
        return new SendReport(0, 0, outcome.sent(), outcome.retrying(), outcome.failed(), null, List.of());
    }

    /** Mails that failed for good, newest first. */
    public List<DeliveryFailure> failures() {
        return outbox.failures();
    }

    /** Outbox rows per status (PENDING, SENDING, SENT, FAILED, CANCELLED). */
    public Map<String, Long> outboxCounts() {
        return outbox.countsByStatus();
    }

    /** @return planned and nothing-new counts */
    int[] plan(Instant now, @Nullable String onlyTo) {
        int planned = 0;
        int nothingNew = 0;
        for (Subscription s : subscriptions.findActive()) {
            if (onlyTo != null && !s.email().equals(onlyTo)) {
                continue;
            }
            Optional<DigestComposer.Period> period = composer.period(s);
            if (period.isEmpty()) {
                nothingNew++;
                continue;
            }
            if (outbox.exists(s.id(), period.get().key())) {
                continue;
            }
            Optional<Digest> digest = composer.compose(s, period.get());
            if (digest.isEmpty()) {
                nothingNew++;
                continue;
            }
            DigestRenderer.Links mailLinks = links.mailLinks(s.id(), now);
            DigestRenderer.RenderedMail mail = renderer().render(digest.get(), mailLinks);
            Boolean inserted = transactions.execute(tx -> {
                boolean added =
                        outbox.enqueue(s.id(), period.get().key(), s.email(), mail, mailLinks.unsubscribeUrl(), now);
                if (added) {
                    subscriptions.setLastPeriodEnd(s.id(), period.get().to());
                }
                return added;
            });
            if (Boolean.TRUE.equals(inserted)) {
                planned++;
            }
        }
        return new int[] {planned, nothingNew};
    }

    private DigestRenderer renderer() {
        return new DigestRenderer(links.baseUrl());
    }

    private SendReport dryRun(@Nullable String onlyTo, Instant now) {
        Path folder = app.home().resolve(DRY_RUN_FOLDER).toAbsolutePath();
        List<Path> files = new ArrayList<>();
        int nothingNew = 0;
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "*.{html,txt,eml}")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            int n = 0;
            int considered = 0;
            for (Subscription s : subscriptions.findActive()) {
                if (onlyTo != null && !s.email().equals(onlyTo)) {
                    continue;
                }
                considered++;
                Optional<Digest> digest = composer.period(s)
                        .filter(p -> !outbox.exists(s.id(), p.key()))
                        .flatMap(p -> composer.compose(s, p));
                if (digest.isEmpty()) {
                    nothingNew++;
                    continue;
                }
                files.addAll(write(folder, ++n, s.email(), digest.get(), links.mailLinks(s.id(), now)));
            }
            // Without subscribers (a fresh instance) the admin still gets something to look at: the default digest.
            if (considered == 0) {
                Optional<Digest> preview = previewDigest();
                if (preview.isPresent()) {
                    String to = onlyTo != null ? onlyTo : PREVIEW_ADDRESS;
                    files.addAll(write(folder, 1, to, preview.get(), previewLinks()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dry run to " + folder, e);
        }
        return new SendReport(0, nothingNew, 0, 0, 0, folder, files);
    }

    private List<Path> write(Path folder, int n, String email, Digest digest, DigestRenderer.Links mailLinks)
            throws IOException {
        DigestRenderer.RenderedMail mail = renderer().render(digest, mailLinks);
        String base = String.format(Locale.ROOT, "%02d-%s", n, email.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path html = folder.resolve(base + ".html");
        Path text = folder.resolve(base + ".txt");
        Path eml = folder.resolve(base + ".eml");
        Files.writeString(html, mail.html(), StandardCharsets.UTF_8);
        Files.writeString(text, mail.text(), StandardCharsets.UTF_8);
        OutboxMail asMail = new OutboxMail(
                "dry-run-" + n,
                "dry-run",
                digest.period(),
                email,
                mail.subject(),
                mail.text(),
                mail.html(),
                email.equals(PREVIEW_ADDRESS) ? "" : mailLinks.unsubscribeUrl(),
                0);
        try (OutputStream out = Files.newOutputStream(eml)) {
            mailer.digestMessage(asMail).writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write " + eml + ": " + e.getMessage(), e);
        }
        return List.of(html, text, eml);
    }

    /** The default daily digest of the newest feed day, for addresses without a subscription. */
    private Optional<Digest> previewDigest() {
        Subscription.Preferences d = Subscription.Preferences.DEFAULT;
        Subscription preview = new Subscription(
                "preview",
                "preview@example.org",
                null,
                Subscription.Status.ACTIVE,
                d.frequency(),
                d.trendingCount(),
                false,
                List.of(),
                List.of(),
                Instant.now(),
                null,
                null);
        return catalog.latestDay()
                .flatMap(latest -> DigestComposer.period(preview, latest))
                .flatMap(p -> composer.compose(preview, p));
    }

    /** A preview has no subscription to leave; its links lead to the subscribe page. */
    private DigestRenderer.Links previewLinks() {
        return new DigestRenderer.Links(links.baseUrl() + "/digest", links.baseUrl() + "/digest");
    }

    private SendReport sendPreview(String to, Instant now) {
        Optional<Digest> digest = previewDigest();
        if (digest.isEmpty()) {
            return new SendReport(0, 1, 0, 0, 0, null, List.of());
        }
        DigestRenderer.Links previewLinks = previewLinks();
        DigestRenderer.RenderedMail mail = renderer().render(digest.get(), previewLinks);
        OutboxMail asMail = new OutboxMail(
                "preview-" + UUID.randomUUID(),
                "preview",
                digest.get().period(),
                to,
                mail.subject(),
                mail.text(),
                mail.html(),
                "",
                1);
        try {
            MimeMessage message = mailer.digestMessage(asMail);
            mailer.send(message);
            return new SendReport(0, 0, 1, 0, 0, null, List.of());
        } catch (MessagingException | DigestMailer.PermanentFailure e) {
            throw new IllegalStateException("cannot send the preview to " + to + ": " + DigestMailer.describe(e), e);
        }
    }

    /** Waits for a known instant (another instance's lease running out), not for a guessed delay. */
    private static void waitUntil(Instant instant) {
        Duration wait = Duration.between(Instant.now(), instant).plusMillis(5);
        if (wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another instance's lease", e);
        }
    }
}
