package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.community.Upvotes;
import org.dailypapers.follow.Follows;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Decision;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.RecordAuthor;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery against a real HTTP receiver on this machine (which is why the context allows private networks,
 * as an admin would for a receiver of their own): the Slack, Discord and JSON shapes, the signature checked with the
 * shared secret, a replayed timestamp refused, a 500 retried and delivered once, a 410 disabling the webhook, a
 * killed sender's delivery taken over once, nothing sent when nothing is new, and version alerts under "Updated".
 */
@SpringBootTest(
        properties = {
            "dailypapers.demo=false",
            "dailypapers.digest.scheduling=false",
            "dailypapers.webhooks.scheduling=false",
            "dailypapers.webhooks.allow-private-networks=true",
            "dailypapers.webhooks.retry-backoff=PT1M",
            "dailypapers.webhooks.lease=PT2M"
        })
class WebhookDeliveryTests {

    static final LocalDate DAY = LocalDate.of(2025, 12, 15);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static HttpServer server;
    private static final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Deque<Integer>> answers = new HashMap<>();

    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("webhook-delivery-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            String path = exchange.getRequestURI().getPath();
            int status;
            synchronized (answers) {
                Deque<Integer> scripted = answers.get(path);
                status = scripted == null || scripted.isEmpty() ? 200 : scripted.poll();
            }
            received.add(new Received(path, headers, body));
            byte[] answer = (status == 200 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopReceiver() {
        server.stop(0);
    }

    @Autowired
    WebhookService webhooks;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookRepository repository;

    @Autowired
    AccountService accounts;

    @Autowired
    Follows follows;

    @Autowired
    Upvotes upvotes;

    @Autowired
    SourceRecords sourceRecords;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    DigestComposer composer;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void reset() {
        jdbc.sql("DELETE FROM webhook_outbox").update();
        jdbc.sql("DELETE FROM webhook").update();
        received.clear();
        synchronized (answers) {
            answers.clear();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(String path, Integer... statuses) {
        synchronized (answers) {
            answers.put(path, new ArrayDeque<>(List.of(statuses)));
        }
    }

    private Account reader(String followedCategory) {
        Account a = accounts.createUser(
                "hook" + COUNTER.incrementAndGet() + "@example.org", "correct horse battery", false);
        follows.follow(a.id(), new Follows.Request("category", followedCategory, "", ""));
        return a;
    }

    private ArxivId paper(String title, String category, int version, String comments) {
        ArxivId id = ArxivId.of(String.format("2512.%05d", 70_000 + COUNTER.incrementAndGet()));
        save(id, title, category, version, comments);
        return id;
    }

    private void save(ArxivId id, String title, String category, int version, String comments) {
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        version,
                        title,
                        "About " + title.toLowerCase() + ".",
                        List.of("Ada Lovelace", "Alan Turing"),
                        List.of(category),
                        Instant.parse("2025-12-14T10:00:00Z"),
                        Instant.parse("2025-12-14T10:00:00Z").plusSeconds(86_400L * version),
                        comments,
                        null,
                        null,
                        null,
                        List.of(),
                        3,
                        null),
                new DailyEntry(id, DAY, Instant.parse("2025-12-15T08:00:00Z"), null, 0, null))));
    }

    private List<Received> at(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    @Test
    void shouldPostSlackDiscordAndSignedJsonShapes() {
        Account reader = reader("cs.CL");
        paper("Parsing with Transformers", "cs.CL", 1, "");
        paper("Robots that Fold Laundry", "cs.RO", 1, "");
        Webhook slack = webhooks.register(reader.principal(), "slack", url("/slack"), false);
        Webhook discord = webhooks.register(reader.principal(), "discord", url("/discord"), false);
        Webhook generic = webhooks.register(reader.principal(), "json", url("/json"), false);

        Instant now = Instant.now();
        assertThat(webhooks.plan(now).planned()).isEqualTo(3);
        assertThat(webhooks.deliverDue(now).sent()).isEqualTo(3);

        JsonNode s = json.readTree(at("/slack").getFirst().body());
        assertThat(s.get("text").asString()).contains("New for you");
        assertThat(s.get("blocks").get(1).get("type").asString()).isEqualTo("section");
        assertThat(s.get("blocks").get(1).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(s.get("blocks").get(1).get("text").get("text").asString())
                .contains("Parsing with Transformers")
                .contains("In cs.CL, which you follow")
                .doesNotContain("Robots");

        JsonNode d = json.readTree(at("/discord").getFirst().body());
        assertThat(d.get("content").asString()).contains("New for you");
        assertThat(d.get("embeds").get(0).get("title").asString()).isEqualTo("Parsing with Transformers");
        assertThat(d.get("embeds").get(0).get("url").asString()).contains("/papers/2512.");
        assertThat(d.get("allowed_mentions").get("parse").size()).isZero();

        Received j = at("/json").getFirst();
        JsonNode g = json.readTree(j.body());
        assertThat(g.get("schema").asString()).isEqualTo("dailypapers.webhook.v1");
        assertThat(g.get("period").asString()).isEqualTo("day:" + DAY);
        assertThat(g.get("sections").get(0).get("kind").asString()).isEqualTo("follows");
        assertThat(g.get("sections").get(0).get("papers").get(0).get("note").asString())
                .isEqualTo("In cs.CL, which you follow");

        // The receiver's side: the signature checks out with the shared secret, for every shape.
        for (var pair : List.of(
                Map.entry(slack, at("/slack").getFirst()),
                Map.entry(discord, at("/discord").getFirst()),
                Map.entry(generic, j))) {
            Received r = pair.getValue();
            assertThat(WebhookSignature.verify(
                            pair.getKey().secret(),
                            r.header(WebhookSignature.TIMESTAMP_HEADER),
                            r.header(WebhookSignature.SIGNATURE_HEADER),
                            r.body(),
                            Instant.now(),
                            WebhookSignature.DEFAULT_TOLERANCE))
                    .isEqualTo(WebhookSignature.Verdict.VALID);
            assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).startsWith("sha256=");
        }
        // A captured request replayed later is refused, as is a changed body or another secret.
        assertThat(WebhookSignature.verify(
                        generic.secret(),
                        j.header(WebhookSignature.TIMESTAMP_HEADER),
                        j.header(WebhookSignature.SIGNATURE_HEADER),
                        j.body(),
                        Instant.now().plus(Duration.ofMinutes(10)),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookSignature.Verdict.STALE_TIMESTAMP);
        assertThat(WebhookSignature.verify(
                        generic.secret(),
                        j.header(WebhookSignature.TIMESTAMP_HEADER),
                        j.header(WebhookSignature.SIGNATURE_HEADER),
                        j.body().replace("Parsing", "Phishing"),
                        Instant.now(),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
        assertThat(WebhookSignature.verify(
                        slack.secret(),
                        j.header(WebhookSignature.TIMESTAMP_HEADER),
                        j.header(WebhookSignature.SIGNATURE_HEADER),
                        j.body(),
                        Instant.now(),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
    }

    @Test
    void shouldSendNothingWhenNothingIsNewAndEachPeriodOnce() {
        Account reader = reader("cs.CV");
        Account nothing = reader("q-bio.NC");
        paper("Seeing in the Dark", "cs.CV", 1, "");
        webhooks.register(reader.principal(), "slack", url("/once"), false);
        webhooks.register(nothing.principal(), "slack", url("/never"), false);

        Instant now = Instant.now();
        WebhookService.Outcome first = webhooks.plan(now);
        assertThat(first.planned()).isEqualTo(1);
        assertThat(first.nothingNew()).isEqualTo(1);
        webhooks.deliverDue(now);
        assertThat(webhooks.plan(now).planned()).isZero();
        assertThat(webhooks.deliverDue(now.plusSeconds(3_600)).sent()).isZero();

        assertThat(at("/once")).hasSize(1);
        assertThat(at("/never")).isEmpty();
    }

    @Test
    void shouldRetryA500AndDeliverOnceShowingTheFailureMeanwhile() {
        Account reader = reader("cs.IR");
        paper("Retrieval at Scale", "cs.IR", 1, "");
        Webhook w = webhooks.register(reader.principal(), "json", url("/flaky"), false);
        answer("/flaky", 500, 200);

        Instant now = Instant.now();
        webhooks.plan(now);
        assertThat(webhooks.deliverDue(now).retrying()).isEqualTo(1);
        assertThat(repository.find(w.id()).orElseThrow().lastError()).contains("HTTP 500");
        assertThat(webhooks.deliverDue(now.plusSeconds(30)).sent())
                .as("not due before the backoff")
                .isZero();
        assertThat(webhooks.deliverDue(now.plusSeconds(61)).sent()).isEqualTo(1);
        assertThat(webhooks.deliverDue(now.plusSeconds(7_200)).sent()).isZero();

        List<Received> calls = at("/flaky");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).body()).isEqualTo(calls.get(1).body());
        assertThat(calls.get(0).header(WebhookSignature.DELIVERY_HEADER))
                .isEqualTo(calls.get(1).header(WebhookSignature.DELIVERY_HEADER));
        assertThat(webhooks.outboxCounts()).containsEntry("SENT", 1L);
        assertThat(repository.find(w.id()).orElseThrow().status()).isEqualTo(Webhook.Status.ACTIVE);
    }

    @Test
    void shouldDisableAWebhookThatAnswers410() {
        Account reader = reader("cs.SE");
        paper("Refactoring Legacy Code", "cs.SE", 1, "");
        Webhook w = webhooks.register(reader.principal(), "discord", url("/gone"), false);
        answer("/gone", 410);

        Instant now = Instant.now();
        webhooks.plan(now);
        assertThat(webhooks.deliverDue(now).failed()).isEqualTo(1);

        Webhook after = repository.find(w.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(Webhook.Status.DISABLED);
        assertThat(after.lastError()).contains("HTTP 410");
        paper("Refactoring More Legacy Code", "cs.SE", 1, "");
        assertThat(webhooks.plan(now.plusSeconds(60)).planned()).isZero();
        assertThat(webhooks.deliverDue(now.plusSeconds(3_600)).sent()).isZero();
        assertThat(at("/gone")).hasSize(1);
    }

    @Test
    void shouldDisableAWebhookAfterRepeatedClientErrors() {
        Account reader = reader("cs.PL");
        Webhook w = webhooks.register(reader.principal(), "slack", url("/missing"), false);
        answer("/missing", 404, 404, 404);
        List<ArxivId> later = new ArrayList<>();
        try {
            Instant now = Instant.now();
            for (int day = 0; day < 3; day++) {
                ArxivId id = ArxivId.of(String.format("2512.%05d", 80_000 + COUNTER.incrementAndGet()));
                catalog.upsert(List.of(new PaperRecord(
                        new Paper(
                                id,
                                1,
                                "Types, part " + day,
                                "Types.",
                                List.of("Ann"),
                                List.of("cs.PL"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                0,
                                null),
                        new DailyEntry(id, DAY.plusDays(day + 1L), null, null, 0, null))));
                later.add(id);
                assertThat(webhooks.plan(now).planned()).isEqualTo(1);
                assertThat(webhooks.deliverDue(now).failed()).isEqualTo(1);
                assertThat(repository.find(w.id()).orElseThrow().status())
                        .isEqualTo(day < 2 ? Webhook.Status.ACTIVE : Webhook.Status.DISABLED);
            }
            assertThat(repository.find(w.id()).orElseThrow().lastError()).contains("HTTP 404");
            assertThat(at("/missing")).hasSize(3);
        } finally {
            // the other tests' feed ends on DAY
            later.forEach(catalog::removeDailyEntry);
        }
    }

    @Test
    void shouldDeliverNothingTwiceWhenAKilledSendersWorkIsTakenOver() {
        Account a = reader("cs.DB");
        Account b = reader("cs.DB");
        paper("Indexes for Everyone", "cs.DB", 1, "");
        webhooks.register(a.principal(), "json", url("/a"), false);
        webhooks.register(b.principal(), "json", url("/b"), false);
        Instant now = Instant.now();
        assertThat(webhooks.plan(now).planned()).isEqualTo(2);

        // A sender process claimed the first delivery and was killed before it could post it.
        String first = outbox.dueIds(now, 10).getFirst();
        assertThat(outbox.claim(first, "killed-sender", now, Duration.ofMinutes(2)))
                .isPresent();

        // Restarted, the sender delivers what is free and leaves the dead sender's lease alone until it runs out.
        assertThat(webhooks.deliverDue(now).sent()).isEqualTo(1);
        assertThat(webhooks.deliverDue(now.plusSeconds(60)).sent()).isZero();
        assertThat(webhooks.deliverDue(now.plusSeconds(121)).sent()).isEqualTo(1);
        assertThat(webhooks.deliverDue(now.plusSeconds(3_600)).sent()).isZero();
        assertThat(webhooks.plan(now.plusSeconds(3_600)).planned()).isZero();

        assertThat(at("/a")).hasSize(1);
        assertThat(at("/b")).hasSize(1);
        assertThat(webhooks.outboxCounts()).isEqualTo(Map.of("SENT", 2L));
    }

    @Test
    void shouldListANewArxivVersionUnderUpdated() {
        Account reader = reader("astro-ph.GA");
        ArxivId liked = paper("Galaxies, Revisited", "astro-ph.CO", 2, "10 pages");
        upvotes.upvote(reader.id(), liked);
        Webhook w = webhooks.register(reader.principal(), "json", url("/updated"), false);
        save(liked, "Galaxies, Revisited", "astro-ph.CO", 3, "camera-ready, 12 pages, ICLR 2026");

        Instant now = Instant.now();
        webhooks.plan(now);
        webhooks.deliverDue(now);

        JsonNode body = json.readTree(at("/updated").getFirst().body());
        JsonNode updated = body.get("sections").get(body.get("sections").size() - 1);
        assertThat(updated.get("kind").asString()).isEqualTo("updated");
        assertThat(updated.get("papers").get(0).get("id").asString()).isEqualTo(liked.id());
        assertThat(updated.get("papers").get(0).get("note").asString())
                .isEqualTo("v2 \u2192 v3: camera-ready, 12 pages, ICLR 2026");
        assertThat(repository.find(w.id()).orElseThrow().lastPeriodEnd()).isEqualTo(DAY);
    }

    @Test
    void shouldListAVenueDecisionUnderPublishedInTheNextDigest() {
        Account reader = reader("hep-lat");
        String title = "Lattices, Decided " + COUNTER.incrementAndGet();
        ArxivId liked = paper(title, "hep-lat", 1, "8 pages");
        upvotes.upvote(reader.id(), liked);
        Subscription s = subscriptions.savePending(
                reader.email(),
                new Subscription.Preferences(Subscription.Frequency.DAILY, 0, false, List.of(), List.of()),
                Instant.now());
        subscriptions.confirm(s.id(), Instant.now());
        Subscription active = subscriptions.find(s.id()).orElseThrow();
        DigestComposer.Period period = composer.period(active).orElseThrow();
        assertThat(composer.compose(active, period)).as("nothing new yet").isEmpty();

        String forum = "Dg" + String.format("%08d", COUNTER.incrementAndGet());
        sourceRecords.upsert(List.of(new SourceRecord(
                Source.OPENREVIEW,
                new SourceId(SourceId.Scheme.OPENREVIEW, forum),
                0,
                title,
                "About it.",
                List.of(RecordAuthor.named("Ada Lovelace"), RecordAuthor.named("Alan Turing")),
                "iclr",
                "ICLR 2026",
                Decision.POSTER,
                2026,
                java.time.LocalDate.parse("2026-01-26"),
                null,
                null,
                null,
                "CC BY 4.0",
                List.of(),
                null)));

        Digest digest = composer.compose(active, period).orElseThrow();
        Digest.Section published = digest.sections().getLast();
        assertThat(published.heading()).isEqualTo("Published");
        assertThat(published.items()).singleElement().satisfies(i -> {
            assertThat(i.paper().id()).isEqualTo(liked);
            assertThat(i.reason()).isEqualTo("ICLR 2026 Poster (https://openreview.net/forum?id=" + forum + ")");
        });
        String text = new DigestRenderer("http://localhost")
                .render(digest, new DigestRenderer.Links("u", "m"))
                .text();
        assertThat(text).contains("Published").contains("ICLR 2026 Poster");
    }

    @Test
    void shouldListANewArxivVersionUnderUpdatedInTheNextDigest() {
        Account reader = reader("hep-th");
        ArxivId liked = paper("Strings, Briefly", "hep-th", 2, "20 pages");
        upvotes.upvote(reader.id(), liked);
        Subscription s = subscriptions.savePending(
                reader.email(),
                new Subscription.Preferences(Subscription.Frequency.DAILY, 0, false, List.of(), List.of()),
                Instant.now());
        subscriptions.confirm(s.id(), Instant.now());
        Subscription active = subscriptions.find(s.id()).orElseThrow();
        DigestComposer.Period period = composer.period(active).orElseThrow();
        assertThat(composer.compose(active, period)).as("nothing new yet").isEmpty();

        save(liked, "Strings, Briefly", "hep-th", 3, "v3: added a section on branes");

        Digest digest = composer.compose(active, period).orElseThrow();
        Digest.Section updated = digest.sections().getLast();
        assertThat(updated.heading()).isEqualTo("Updated");
        assertThat(updated.items()).singleElement().satisfies(i -> {
            assertThat(i.paper().id()).isEqualTo(liked);
            assertThat(i.reason()).isEqualTo("v2 \u2192 v3: v3: added a section on branes");
        });
        String text = new DigestRenderer("http://localhost")
                .render(digest, new DigestRenderer.Links("u", "m"))
                .text();
        assertThat(text).contains("Updated").contains("v2 \u2192 v3");
    }

    @Test
    void shouldSendTheSitesTrendingToAnAdminsWebhook() {
        Account admin = accounts.createUser(
                "admin" + COUNTER.incrementAndGet() + "@example.org", "correct horse battery", true);
        paper("Everyone Reads This", "cs.AI", 1, "");
        webhooks.register(admin.principal(), "slack", url("/site"), true);

        Instant now = Instant.now();
        webhooks.plan(now);
        webhooks.deliverDue(now);

        assertThat(at("/site")).hasSize(1);
        assertThat(at("/site").getFirst().body())
                .contains("Trending on Daily Papers")
                .contains("Everyone Reads This");
    }
}
