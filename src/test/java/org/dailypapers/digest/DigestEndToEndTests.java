package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dailypapers.follow.InterestSource;
import org.dailypapers.follow.LikedPaper;
import org.dailypapers.ingest.DemoData;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.shared.DailyPapersProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Digests end to end over the demo data set: the HTTP subscribe flow, a real SMTP server (GreenMail), the outbox
 * across a killed sender process, SMTP outages and refused links.
 */
// The context stops before JUnit deletes the static @TempDir home: its background indexer writes there.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dailypapers.digest.scheduling=false", "dailypapers.digest.retry-backoff=PT1M"})
class DigestEndToEndTests {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static {
        greenMail.start();
    }

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    DigestService digests;

    @Autowired
    DigestDelivery delivery;

    @Autowired
    DigestOutbox outbox;

    @Autowired
    SubscriptionRepository subscriptionRepository;

    @Autowired
    LinkSigner signer;

    @Autowired
    DigestProperties digestProperties;

    @Autowired
    DailyPapersProperties appProperties;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() throws Exception {
        demo.loadIfEmpty(ImportListener.NONE);
        jdbc.sql("DELETE FROM digest_outbox").update();
        jdbc.sql("DELETE FROM digest_subscription").update();
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        greenMail.stop();
    }

    @Test
    void shouldSubscribeConfirmAndDeliverTheTrendingDigestWithOneClickUnsubscribe() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = browser.send(get("/digest"), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        String csrf = match(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");

        HttpResponse<String> subscribed = browser.send(
                post("/digest/subscribe", Map.of("_csrf", csrf, "email", "Reader@Example.org", "frequency", "daily")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(subscribed.body()).contains("Check your inbox");

        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage confirmation = greenMail.getReceivedMessages()[0];
        assertThat(recipients(confirmation)).containsExactly("reader@example.org");
        String confirmLink = match(GreenMailUtil.getBody(confirmation), "(/digest/confirm\\?token=[A-Za-z0-9_.=-]+)");
        assertThat(digests.send(false, null).sent())
                .as("nothing goes out before the address is confirmed")
                .isZero();

        HttpResponse<String> confirmed = browser.send(get(confirmLink), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");

        SendReport report = digests.send(false, null);
        assertThat(report.planned()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
        MimeMessage digest = greenMail.getReceivedMessages()[1];

        LocalDate latest = catalog.latestDay().orElseThrow();
        List<Paper> expected = catalog.daily(DailyQuery.day(latest, DailySort.TRENDING), 0, 10).items().stream()
                .map(DailyPaper::paper)
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(digest.getSubject()).isEqualTo("Daily papers for " + latest + ": " + expected.size() + " papers");
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        String htmlBody = (String) html.getContent();
        String textBody = (String) text.getContent();
        for (Paper p : expected) {
            String escapedTitle = org.springframework.web.util.HtmlUtils.htmlEscape(p.title());
            assertThat(htmlBody).contains(escapedTitle).contains(appProperties.baseUrl() + "/papers/" + p.id().id());
            assertThat(textBody).contains(p.title()).contains(appProperties.baseUrl() + "/papers/" + p.id().id());
        }
        // the order of the mail is the trending order of the feed
        List<Integer> positions =
                expected.stream().map(p -> textBody.indexOf(p.title())).toList();
        assertThat(positions).isSorted();

        String listUnsubscribe = digest.getHeader("List-Unsubscribe")[0];
        assertThat(listUnsubscribe)
                .matches("<" + Pattern.quote(appProperties.baseUrl()) + "/digest/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        assertThat(digests.send(false, null).planned())
                .as("the same period is never planned twice")
                .isZero();

        // RFC 8058: the mail provider posts without cookies, session or CSRF token
        String unsubscribePath =
                listUnsubscribe.substring(listUnsubscribe.indexOf("/digest/"), listUnsubscribe.length() - 1);
        HttpResponse<String> oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + unsubscribePath))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(subscriptionRepository
                        .findByEmail("reader@example.org")
                        .orElseThrow()
                        .status())
                .isEqualTo(Subscription.Status.UNSUBSCRIBED);
    }

    @Test
    void shouldKeepCsrfProtectionOnTheSubscribeForm() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        post("/digest/subscribe", Map.of("email", "victim@example.org")),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(subscriptionRepository.findByEmail("victim@example.org")).isEmpty();
    }

    @Test
    void shouldRefuseForgedExpiredAndMisusedLinks() throws Exception {
        Subscription pending = subscriptionRepository.savePending(
                "careful@example.org", Subscription.Preferences.DEFAULT, Instant.now());
        Instant now = Instant.now();
        String valid = signer.sign(LinkSigner.Purpose.CONFIRM, pending.id(), now.plusSeconds(3600));
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        String expired = signer.sign(LinkSigner.Purpose.CONFIRM, pending.id(), now.minusSeconds(1));
        String otherPurpose = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, pending.id(), now.plusSeconds(3600));
        String otherKey = new LinkSigner("another-instance-secret".getBytes(StandardCharsets.UTF_8))
                .sign(LinkSigner.Purpose.CONFIRM, pending.id(), now.plusSeconds(3600));

        HttpClient http = HttpClient.newHttpClient();
        for (String token : List.of(forged, expired, otherPurpose, otherKey, "garbage", "")) {
            HttpResponse<String> r =
                    http.send(get("/digest/confirm?token=" + enc(token)), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(token).isEqualTo(400);
            assertThat(r.body()).contains("not valid or has expired");
        }
        assertThat(subscriptionRepository.find(pending.id()).orElseThrow().status())
                .isEqualTo(Subscription.Status.PENDING);

        assertThat(http.send(get("/digest/confirm?token=" + enc(valid)), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(subscriptionRepository.find(pending.id()).orElseThrow().status())
                .isEqualTo(Subscription.Status.ACTIVE);

        String unsubscribe = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, pending.id(), now.plusSeconds(3600));
        String forgedUnsubscribe =
                unsubscribe.substring(0, unsubscribe.length() - 2) + (unsubscribe.endsWith("AA") ? "BB" : "AA");
        String expiredUnsubscribe = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, pending.id(), now.minusSeconds(1));
        for (String token : List.of(forgedUnsubscribe, expiredUnsubscribe, valid)) {
            assertThat(http.send(get("/digest/unsubscribe?token=" + enc(token)), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> oneClick = http.send(
                    HttpRequest.newBuilder(URI.create(url("/digest/unsubscribe?token=" + enc(token))))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).isEqualTo(400);
        }
        assertThat(subscriptionRepository.find(pending.id()).orElseThrow().status())
                .isEqualTo(Subscription.Status.ACTIVE);

        HttpResponse<String> page =
                http.send(get("/digest/unsubscribe?token=" + enc(unsubscribe)), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("careful@example.org").contains("method=\"post\"");
        assertThat(subscriptionRepository.find(pending.id()).orElseThrow().status())
                .as("showing the page changes nothing; link scanners follow GET links")
                .isEqualTo(Subscription.Status.ACTIVE);
    }

    @Test
    void shouldLimitConfirmationMailsPerAddress() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = match(
                browser.send(get("/digest"), HttpResponse.BodyHandlers.ofString())
                        .body(),
                "name=\"_csrf\" value=\"([^\"]+)\"");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < digestProperties.subscribesPerAddressPerDay() + 1; i++) {
            statuses.add(browser.send(
                            post("/digest/subscribe", Map.of("_csrf", csrf, "email", "bombed@example.org")),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        assertThat(statuses.getLast()).isEqualTo(429);
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(200);
        assertThat(greenMail.waitForIncomingEmail(30_000, digestProperties.subscribesPerAddressPerDay()))
                .isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(digestProperties.subscribesPerAddressPerDay());
    }

    @Test
    void shouldRetryWhileSmtpIsDownAndDeliverLater() throws Exception {
        active("patient@example.org", Subscription.Preferences.DEFAULT);
        greenMail.stop();
        Instant now = Instant.now();
        assertThat(digests.plan(now, null)[0]).isEqualTo(1);

        DigestDelivery.Outcome down = delivery.deliverDue(now);
        assertThat(down.retrying()).isEqualTo(1);
        assertThat(down.sent()).isZero();
        assertThat(delivery.deliverDue(now.plusSeconds(30)))
                .as("not before the backoff has passed")
                .isEqualTo(DigestDelivery.Outcome.NONE);
        DigestDelivery.Outcome stillDown = delivery.deliverDue(now.plus(digestProperties.retryBackoff()));
        assertThat(stillDown.retrying()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT attempts FROM digest_outbox")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT last_error FROM digest_outbox")
                        .query(String.class)
                        .single())
                .contains("Connection refused");

        greenMail.start();
        Instant later = now.plus(digestProperties.retryBackoff())
                .plus(DigestDelivery.backoff(digestProperties.retryBackoff(), 2));
        assertThat(delivery.deliverDue(later.minusSeconds(1))).isEqualTo(DigestDelivery.Outcome.NONE);
        assertThat(delivery.deliverDue(later).sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(recipients(greenMail.getReceivedMessages()[0])).containsExactly("patient@example.org");
        assertThat(digests.outboxCounts()).containsEntry("SENT", 1L);
    }

    @Test
    void shouldRecordPermanentRefusalsForAdminsWithoutRetrying() throws Exception {
        active("gone@example.org", Subscription.Preferences.DEFAULT);
        Instant now = Instant.now();
        digests.plan(now, null);
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(rejecting.port());
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("mailSender", sender);
            DigestDelivery rejectingDelivery = new DigestDelivery(
                    outbox,
                    new DigestMailer(beans.getBeanProvider(JavaMailSender.class), digestProperties, appProperties),
                    digestProperties);

            assertThat(rejectingDelivery.deliverDue(now).failed()).isEqualTo(1);
        }
        assertThat(delivery.deliverDue(now.plus(java.time.Duration.ofDays(2))))
                .as("a refused mail is not retried")
                .isEqualTo(DigestDelivery.Outcome.NONE);
        List<DeliveryFailure> failures = digests.failures();
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst().recipient()).isEqualTo("gone@example.org");
        assertThat(failures.getFirst().error()).contains("550");
    }

    @Test
    void shouldTakeOverAMailWhoseSenderDiedOnlyAfterItsLeaseRanOut() throws Exception {
        active("orphan@example.org", Subscription.Preferences.DEFAULT);
        Instant now = Instant.now();
        digests.plan(now, null);
        String id = jdbc.sql("SELECT id FROM digest_outbox").query(String.class).single();
        assertThat(outbox.claim(id, "instance-that-dies", now, digestProperties.lease()))
                .isPresent();

        assertThat(delivery.deliverDue(now.plusSeconds(1)))
                .as("another instance holds the lease")
                .isEqualTo(DigestDelivery.Outcome.NONE);
        assertThat(delivery.deliverDue(now.plus(digestProperties.lease())).sent())
                .isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(outbox.markSent(id, "instance-that-dies", now))
                .as("the dead instance's late write cannot undo the takeover")
                .isFalse();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldSendNoDuplicateAndLoseNoMailWhenTheSenderIsKilledMidway() throws Exception {
        int subscribers = 5;
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < subscribers; i++) {
            addresses.add(active("kill" + i + "@example.org", Subscription.Preferences.DEFAULT)
                    .email());
        }
        Path log1 = home.resolve("kill-first.log");
        Process first;
        try (SmtpGate gate = new SmtpGate(SMTP_PORT, 2)) {
            first = startCli(log1, gate.port(), "digest", "send");
            try {
                assertThat(gate.awaitHeld(3, TimeUnit.MINUTES))
                        .as("the sender reached its third mail; output:%n%s", read(log1))
                        .isTrue();
                assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
            } finally {
                first.destroyForcibly();
                first.waitFor(1, TimeUnit.MINUTES);
            }
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM digest_outbox WHERE status = 'SENDING'")
                        .query(Long.class)
                        .single())
                .as("the killed process held one mail")
                .isEqualTo(1);

        Path log2 = home.resolve("kill-second.log");
        Process second = startCli(log2, SMTP_PORT, "digest", "send");
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(read(log2)).isZero();
        assertThat(read(log2)).contains("sent=3");

        Map<String, Long> perRecipient = Arrays.stream(greenMail.getReceivedMessages())
                .flatMap(m -> recipients(m).stream())
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(perRecipient.keySet()).isEqualTo(addresses);
        assertThat(perRecipient.values()).containsOnly(1L);
        assertThat(digests.outboxCounts()).isEqualTo(Map.of("SENT", (long) subscribers));
    }

    @Test
    void shouldComposeForYouAndSavedSearchSectionsThroughTheInterfaces() throws Exception {
        LocalDate latest = catalog.latestDay().orElseThrow();
        List<DailyPaper> week = catalog.daily(
                        new DailyQuery(latest.minusDays(6), latest, DailySort.TRENDING, null, null), 0, 1000)
                .items();
        Paper target = week.get(week.size() / 2).paper();
        String word = Arrays.stream(target.title().split("[^A-Za-z]+"))
                .filter(w -> w.length() >= 6)
                .findFirst()
                .orElseThrow();
        active(
                TitleSearch.FAN,
                new Subscription.Preferences(
                        Subscription.Frequency.WEEKLY, 0, true, List.of(word, "zzqqxxnotaword"), List.of()));

        assertThat(digests.send(false, null).sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        String text =
                (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Paper liked = catalog.find(TitleSearch.LIKED).orElseThrow();
        assertThat(text).contains("== For you ==");
        assertThat(text).contains("Similar to \u201c" + liked.title() + "\u201d that you upvoted");
        assertThat(text).contains("== New for \u201c" + word + "\u201d ==");
        assertThat(text).doesNotContain("zzqqxxnotaword").doesNotContain("Trending");
        String savedSection = text.substring(text.indexOf("== New for"));
        assertThat(savedSection).contains(target.title());
    }

    @Test
    void shouldSendNothingWhenNothingIsNew() {
        Subscription s = active("uptodate@example.org", Subscription.Preferences.DEFAULT);
        subscriptionRepository.setLastPeriodEnd(s.id(), catalog.latestDay().orElseThrow());
        SendReport report = digests.send(false, null);
        assertThat(report.planned()).isZero();
        assertThat(report.nothingNew()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldWriteADryRunFromTheCliWithoutSendingOrPlanning() throws Exception {
        active("dry@example.org", Subscription.Preferences.DEFAULT);
        Path log = home.resolve("dry-run.log");
        Process cli = startCli(log, SMTP_PORT, "digest", "send", "--dry-run");
        assertThat(cli.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = read(log);
        assertThat(cli.exitValue()).as(output).isZero();
        Path folder = home.resolve(DigestService.DRY_RUN_FOLDER).toAbsolutePath();
        assertThat(output).contains("dry run: 1 mail(s) written to " + folder);
        Path html = folder.resolve("01-dry_example.org.html");
        Path eml = folder.resolve("01-dry_example.org.eml");
        assertThat(output).contains(html.toString()).contains(eml.toString());
        assertThat(read(html)).contains("/digest/unsubscribe?token=").contains("Trending today");
        assertThat(read(folder.resolve("01-dry_example.org.txt"))).contains("== Trending today ==");
        assertThat(read(eml))
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .contains("multipart/alternative")
                .contains("To: dry@example.org");
        assertThat(digests.outboxCounts()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldSendOnlyToTheNamedAddressWithTo() throws Exception {
        active("one@example.org", Subscription.Preferences.DEFAULT);
        active("two@example.org", Subscription.Preferences.DEFAULT);
        assertThat(digests.send(false, "One@Example.org").sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(recipients(greenMail.getReceivedMessages()[0])).containsExactly("one@example.org");
        assertThat(digests.send(false, null).sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
        assertThat(recipients(greenMail.getReceivedMessages()[1])).containsExactly("two@example.org");

        // an address without subscription gets a one-off preview, which has no subscription to leave
        assertThat(digests.send(false, "admin@example.org").sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(30_000, 3)).isTrue();
        MimeMessage preview = greenMail.getReceivedMessages()[2];
        assertThat(recipients(preview)).containsExactly("admin@example.org");
        assertThat(preview.getHeader("List-Unsubscribe")).isNull();
        assertThat(subscriptionRepository.findByEmail("admin@example.org")).isEmpty();
    }

    @Test
    void shouldChangePreferencesAndPauseThroughTheSignedLink() throws Exception {
        Subscription s = active("chooser@example.org", Subscription.Preferences.DEFAULT);
        String token =
                signer.sign(LinkSigner.Purpose.MANAGE, s.id(), Instant.now().plusSeconds(3600));
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page =
                browser.send(get("/digest/preferences?token=" + enc(token)), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("chooser@example.org");
        String csrf = match(page.body(), "name=\"_csrf\" value=\"([^\"]+)\"");

        HttpResponse<String> saved = browser.send(
                post(
                        "/digest/preferences",
                        Map.of(
                                "_csrf", csrf,
                                "token", token,
                                "frequency", "weekly",
                                "trendingCount", "3",
                                "searches", "diffusion\nretrieval augmented",
                                "categories", "cs.CL cs.LG",
                                "paused", "true")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(200);
        Subscription changed = subscriptionRepository.find(s.id()).orElseThrow();
        assertThat(changed.status()).isEqualTo(Subscription.Status.PAUSED);
        assertThat(changed.frequency()).isEqualTo(Subscription.Frequency.WEEKLY);
        assertThat(changed.trendingCount()).isEqualTo(3);
        assertThat(changed.forYou()).isFalse();
        assertThat(changed.savedSearches()).containsExactly("diffusion", "retrieval augmented");
        assertThat(changed.categories()).containsExactly("cs.CL", "cs.LG");
        assertThat(digests.send(false, null).planned())
                .as("a paused subscription gets nothing")
                .isZero();

        HttpResponse<String> withoutCsrf = HttpClient.newHttpClient()
                .send(
                        post("/digest/preferences", Map.of("token", token, "paused", "false")),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(subscriptionRepository.find(s.id()).orElseThrow().status()).isEqualTo(Subscription.Status.PAUSED);
    }

    @Test
    void shouldAnswerAnExistingSubscriberWithTheirPreferenceLinkAndChangeNothing() throws Exception {
        Subscription s = active("known@example.org", Subscription.Preferences.DEFAULT);
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = match(
                browser.send(get("/digest"), HttpResponse.BodyHandlers.ofString())
                        .body(),
                "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> again = browser.send(
                post("/digest/subscribe", Map.of("_csrf", csrf, "email", "known@example.org", "frequency", "weekly")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Check your inbox");
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0])).contains("/digest/preferences?token=");
        Subscription unchanged = subscriptionRepository.find(s.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(Subscription.Status.ACTIVE);
        assertThat(unchanged.frequency()).isEqualTo(Subscription.Frequency.DAILY);
    }

    private Subscription active(String email, Subscription.Preferences prefs) {
        Subscription s = subscriptionRepository.savePending(email, prefs, Instant.now());
        subscriptionRepository.confirm(s.id(), Instant.now());
        return subscriptionRepository.find(s.id()).orElseThrow();
    }

    private Process startCli(Path log, int smtpPort, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.dailypapers.DailyPapersApplication");
        command.addAll(List.of(args));
        command.add("--dailypapers.home=" + home);
        command.add("--dailypapers.db-url=");
        command.add("--spring.mail.host=127.0.0.1");
        command.add("--spring.mail.port=" + smtpPort);
        // A short lease lets the restart take over the killed process's mail quickly; the held connection must
        // not time out first, or the first process would record a failure instead of dying mid-send.
        command.add("--dailypapers.digest.lease=PT3S");
        command.add("--spring.mail.properties.mail.smtp.connectiontimeout=120000");
        command.add("--spring.mail.properties.mail.smtp.timeout=120000");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).GET().build();
    }

    private HttpRequest post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
        return m.group(1);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A real, if simple, search: titles matched word by word, similarity as word overlap. It stands in for the
     * search module so these tests pin the digest's use of the interface, not Lucene's ranking.
     */
    static final class TitleSearch implements SearchService, InterestSource {

        static final String FAN = "fan@example.org";
        static final ArxivId LIKED = ArxivId.of("2501.05874");

        private final PaperCatalog catalog;

        TitleSearch(PaperCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public SearchResult search(SearchRequest request) {
            LocalDate to =
                    request.to() != null ? request.to() : catalog.latestDay().orElseThrow();
            LocalDate from = request.from() != null ? request.from() : to.minusDays(30);
            String q = request.query().toLowerCase();
            List<SearchHit> hits =
                    catalog.daily(new DailyQuery(from, to, DailySort.UPVOTES, null, null), 0, 10_000).items().stream()
                            .map(DailyPaper::paper)
                            .filter(p -> words(p.title()).contains(q))
                            .map(p -> new SearchHit(p.id(), 1.0, null, null))
                            .toList();
            return new SearchResult(
                    hits.size(), hits.stream().limit(request.size()).toList(), Map.of(), null);
        }

        @Override
        public List<SearchHit> similarTo(ArxivId id, int limit) {
            Set<String> source = words(catalog.find(id).orElseThrow().title());
            LocalDate latest = catalog.latestDay().orElseThrow();
            return catalog
                    .daily(new DailyQuery(latest.minusDays(30), latest, DailySort.UPVOTES, null, null), 0, 10_000)
                    .items()
                    .stream()
                    .map(DailyPaper::paper)
                    .filter(p -> !p.id().equals(id.withoutVersion()))
                    .map(p -> new SearchHit(p.id(), overlap(source, words(p.title())), null, null))
                    .sorted((a, b) -> Double.compare(b.score(), a.score()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<SearchHit> similarToText(String text, int limit) {
            return List.of();
        }

        @Override
        public List<LikedPaper> likedPapers(String email) {
            return email.equals(FAN) ? List.of(new LikedPaper(LIKED, LikedPaper.How.UPVOTED)) : List.of();
        }

        private static Set<String> words(String text) {
            return Arrays.stream(text.toLowerCase().split("[^a-z0-9]+"))
                    .filter(w -> !w.isEmpty())
                    .collect(Collectors.toSet());
        }

        /** Word overlap plus a floor, so every recent paper is a (weak) candidate. */
        private static double overlap(Set<String> a, Set<String> b) {
            Set<String> common = new HashSet<>(a);
            common.retainAll(b);
            return 0.01 + common.size() / (double) Math.max(1, a.size() + b.size() - common.size());
        }
    }

    @TestConfiguration
    static class FakeSearch {

        @Bean
        @Primary
        TitleSearch titleSearch(PaperCatalog catalog) {
            return new TitleSearch(catalog);
        }
    }
}
