package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dailypapers.DailyPapersApplication;
import org.dailypapers.TestDatabases;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.ingest.ReplayServer;
import org.dailypapers.ingest.SharedData;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;

/**
 * Two instances of the site (A and B: two application contexts with their own web servers and home folders) on one
 * PostgreSQL schema, behaving as one site: sessions, rate limits, scheduled work, caches. Driven over HTTP with real
 * cookies, as a browser behind a proxy would. "Killing" an instance is closing its context while one of its threads
 * is stuck in the middle of a job: the stuck thread never finishes, so its locks and leases are left to run out,
 * as a SIGKILL would leave them. One class, so that the two instances start once for all these checks.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetTests {

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDate DAY = LocalDate.of(2025, 12, 15);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Daily at 01:30 UTC: the test runs the scheduled task itself, as the scheduler would at that time. */
    private static final String HARVEST_CRON = "0 30 1 * * *";

    private static String dbUrl;
    private static GreenMail greenMail;
    private static ReplayServer arxiv;
    private static Instance a;
    private static Instance b;

    /** One instance: its context, its address and the mail sender that a test can make hang. */
    record Instance(String name, ConfigurableApplicationContext context, String url, TrapMailSender mail) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        dbUrl = TestDatabases.freshPostgresSchema("fleet");
        greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        arxiv = new ReplayServer(FleetTests::recordedHarvest);
        a = start("a");
        b = start("b");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.mail().release();
                if (i.context().isActive()) {
                    i.context().close();
                }
            }
        }
        greenMail.stop();
        arxiv.close();
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema() + " CASCADE");
        }
    }

    private static String schema() {
        Matcher m = Pattern.compile("currentSchema=([a-z0-9_]+)").matcher(dbUrl);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Instance start(String name) throws IOException {
        Path home = Files.createTempDirectory("fleet-" + name + "-");
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("dailypapers.home", home);
        p.put("dailypapers.db-url", dbUrl);
        p.put("spring.flyway.schemas", schema());
        p.put("dailypapers.demo", false);
        p.put("dailypapers.search.background-indexing", false);
        // behind a proxy on this machine: X-Forwarded-For names the client (Tomcat trusts loopback proxies)
        p.put("server.forward-headers-strategy", "native");
        p.put("dailypapers.security.rate-limits.log-in", "6/PT1H");
        p.put("dailypapers.scheduling.lock-at-most-for", "PT30S");
        p.put("dailypapers.digest.cron", "-");
        p.put("dailypapers.digest.retry-interval", "PT1S");
        p.put("dailypapers.digest.lease", "PT5S");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", greenMail.getSmtp().getPort());
        p.put("dailypapers.arxiv.oai-base-url", arxiv.url("/oai2"));
        p.put("dailypapers.arxiv.request-interval", "0s");
        p.put("dailypapers.arxiv.harvest-cron", HARVEST_CRON);
        p.put("dailypapers.curation.file", home.resolve("curation.yml"));
        p.put("logging.level.org.dailypapers", "WARN");
        String[] args = p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        TrapMailSender trap = new TrapMailSender();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DailyPapersApplication.class)
                .logStartupInfo(false)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(trap))
                .run(args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Instance(name, context, "http://127.0.0.1:" + port, trap);
    }

    // --- sessions ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void shouldKeepOneSessionOverBothInstancesForCommentsRememberMeAndLogOut() throws Exception {
        Browser browser = new Browser();
        String email = "fleet" + COUNTER.incrementAndGet() + "@example.org";
        ArxivId paper = paper("Sessions Shared Through the Database");

        // sign up on A
        String form = browser.get(a.url() + "/signup").body();
        HttpResponse<String> signedUp = browser.post(
                a.url() + "/signup",
                Map.of(
                        "_csrf",
                        csrf(form),
                        "email",
                        email,
                        "handle",
                        "fleet-" + COUNTER.get(),
                        "displayName",
                        "Fleet Tester",
                        "password",
                        PASSWORD));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(signedUp.headers().firstValue("Location").orElseThrow()).endsWith("/login?registered");
        // log in on A, with remember-me
        HttpResponse<String> loggedIn = browser.post(
                a.url() + "/login",
                Map.of(
                        "_csrf",
                        csrf(browser.get(a.url() + "/login").body()),
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "remember-me",
                        "on"));
        assertThat(URI.create(loggedIn.headers().firstValue("Location").orElseThrow()))
                .hasPath("/")
                .hasNoQuery();
        assertThat(browser.cookie("JSESSIONID")).isNotNull();

        // the same cookie on B: signed in there too, and B accepts the CSRF token of A's session
        assertThat(browser.get(b.url() + "/profile").statusCode()).isEqualTo(200);
        String tokenFromA =
                csrfMeta(browser.get(a.url() + "/papers/" + paper.id()).body());
        HttpResponse<String> commented = browser.post(
                b.url() + "/papers/" + paper.id() + "/comments",
                Map.of("_csrf", tokenFromA, "body", "Commented through instance B."));
        assertThat(commented.statusCode()).isEqualTo(302);
        assertThat(URI.create(commented.headers().firstValue("Location").orElseThrow()))
                .hasPath("/papers/" + paper.id() + "/comments");
        assertThat(browser.get(a.url() + "/papers/" + paper.id() + "/comments").body())
                .contains("Commented through instance B.");

        // remember-me works on the other instance once the session cookie is gone
        String session = browser.cookie("JSESSIONID");
        browser.forget("JSESSIONID");
        assertThat(browser.get(b.url() + "/profile").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(session);

        // logging out on A signs out on B
        HttpResponse<String> loggedOut = browser.post(
                a.url() + "/logout",
                Map.of("_csrf", csrfMeta(browser.get(a.url() + "/").body())));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> profile = browser.get(b.url() + "/profile");
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(profile.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    // --- rate limits ---------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void shouldCountLogInAttemptsMadeOnBothInstancesTogether() throws Exception {
        Browser browser = new Browser();
        String client = "198.51.100." + COUNTER.incrementAndGet();
        String token = csrf(browser.get(a.url() + "/login").body());
        List<Integer> statuses = new ArrayList<>();
        // the limit is 6 per hour per client address; 3 attempts on each instance spend it
        for (int i = 0; i < 7; i++) {
            Instance target = i % 2 == 0 ? a : b;
            statuses.add(browser.post(
                            target.url() + "/login",
                            Map.of("_csrf", token, "email", "nobody" + i + "@example.org", "password", "guess"),
                            "X-Forwarded-For",
                            client)
                    .statusCode());
        }
        assertThat(statuses.subList(0, 6)).containsOnly(302);
        assertThat(statuses.get(6)).isEqualTo(429);
        // another client is not affected
        assertThat(browser.post(
                                b.url() + "/login",
                                Map.of("_csrf", token, "email", "nobody@example.org", "password", "guess"),
                                "X-Forwarded-For",
                                "198.51.100.250")
                        .statusCode())
                .isEqualTo(302);
    }

    // --- upvotes and caches --------------------------------------------------------------------------------

    @Test
    @Order(3)
    void shouldAddExactlyOneUpvoteForAHundredConcurrentVotesOverBothInstances() throws Exception {
        ArxivId paper = paper("A Hundred Votes at Once");
        Account voter = a.bean(AccountService.class)
                .createUser("voter" + COUNTER.incrementAndGet() + "@example.org", PASSWORD, false);
        String bearer = "Bearer "
                + a.bean(AccountService.class).createToken(voter.id(), "fleet").token();
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                Instance target = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(target.url() + "/api/papers/" + paper.id() + "/upvote"))
                                            .header("Authorization", bearer)
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : answers) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        // the paper came with 3 upvotes
        assertThat(a.bean(PaperCatalog.class).find(paper).orElseThrow().upvotes())
                .isEqualTo(4);
        assertThat(b.bean(PaperCatalog.class).find(paper).orElseThrow().upvotes())
                .isEqualTo(4);
    }

    @Test
    @Order(4)
    void shouldShowAWriteOnAOnBsCachedDailyPageWithinASecond() throws Exception {
        Browser reader = new Browser();
        paper("Already On the Page");
        String day = b.url() + "/daily/" + DAY;
        String before = reader.get(day).body();
        assertThat(before).contains("Already On the Page");
        // asked again: now served from B's page cache
        assertThat(reader.get(day).body()).isEqualTo(before);

        String title = "Written Through Instance A " + COUNTER.incrementAndGet();
        paper(title);
        long written = System.nanoTime();
        awaitTrue(Duration.ofSeconds(10), () -> reader.getQuietly(day).contains(title));
        Duration took = Duration.ofNanos(System.nanoTime() - written);
        // the cache looks at the change number once a second; the rest is this loaded machine answering
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    @Order(5)
    void shouldShowTheVoterTheirUpvoteOnTheOtherInstanceAtOnce() throws Exception {
        ArxivId paper = paper("Counted Where You Look");
        Browser voter = new Browser();
        String email = "reader" + COUNTER.incrementAndGet() + "@example.org";
        Account account = a.bean(AccountService.class).createUser(email, PASSWORD, false);
        voter.post(
                b.url() + "/login",
                Map.of("_csrf", csrf(voter.get(b.url() + "/login").body()), "email", email, "password", PASSWORD));
        String page = b.url() + "/papers/" + paper.id();
        assertThat(upvoteCount(voter.get(page).body())).isEqualTo(3);

        String bearer = "Bearer "
                + a.bean(AccountService.class)
                        .createToken(account.id(), "fleet")
                        .token();
        HttpResponse<String> vote = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(a.url() + "/api/papers/" + paper.id() + "/upvote"))
                                .header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).isEqualTo(200);
        // at once, not within a second: the signed-in reader's page checks the change number first
        assertThat(upvoteCount(voter.get(page).body())).isEqualTo(4);
    }

    // --- scheduled work ------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void shouldRunTheDailyHarvestScheduledOnBothInstancesOnce() throws Exception {
        // the daily time comes on both instances at once: both run their scheduled harvest task together
        List<Runnable> tasks = List.of(harvestTask(a), harvestTask(b));
        runTogether(tasks);
        assertThat(count("SELECT COUNT(*) FROM arxiv_harvest WHERE complete = 1"))
                .isEqualTo(1);
        assertThat(firstPageRequests()).isEqualTo(1);
        assertThat(arxiv.requests()).hasSize(3);
        // an instance whose clock is a little behind fires a moment later: the lock is held 30 s at least
        runTogether(List.of(harvestTask(b)));
        assertThat(firstPageRequests()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM arxiv_harvest")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM shedlock WHERE name = 'arxiv-harvest'"))
                .isEqualTo(1);
    }

    /** The instance's scheduled task for the daily harvest cron, as its scheduler runs it. */
    private static Runnable harvestTask(Instance instance) {
        return instance.context().getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(h -> h.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(t -> t instanceof CronTask cron && cron.getExpression().equals(HARVEST_CRON))
                .map(Task::getRunnable)
                .findFirst()
                .orElseThrow();
    }

    private static void runTogether(List<Runnable> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (Runnable t : tasks) {
                runs.add(pool.submit(() -> {
                    go.await();
                    t.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : runs) {
                f.get();
            }
        }
    }

    @Test
    @Order(7)
    void shouldSendEveryDigestOnceWhenTheSendingInstanceIsKilledMidway() throws Exception {
        int mails = 12;
        List<String> recipients = new ArrayList<>();
        // whichever instance's retry run takes the outbox first sends 4 mails, then hangs in the 5th
        a.mail().hangAfter(4);
        b.mail().hangAfter(4);
        // one transaction: the first retry run to look finds all of them
        try (Connection c = DriverManager.getConnection(dbUrl)) {
            c.setAutoCommit(false);
            String now = Timestamps.format(Instant.now());
            for (int i = 0; i < mails; i++) {
                String subscription = UUID.randomUUID().toString();
                String recipient = "digest" + COUNTER.incrementAndGet() + "@example.org";
                recipients.add(recipient);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO digest_subscription (id, email, status,"
                        + " frequency, trending_count, for_you, saved_searches, categories, created_at)"
                        + " VALUES (?, ?, 'PAUSED', 'DAILY', 5, 0, '', '', ?)")) {
                    s.setString(1, subscription);
                    s.setString(2, recipient);
                    s.setString(3, now);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO digest_outbox (id, subscription_id, period,"
                        + " recipient, subject, text_body, html_body, unsubscribe_url, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, '2025-12-15', ?, ?, 'text', '<p>html</p>',"
                        + " 'http://localhost/digest/unsubscribe?t=x', 'PENDING', 0, ?, ?)")) {
                    s.setString(1, UUID.randomUUID().toString());
                    s.setString(2, subscription);
                    s.setString(3, recipient);
                    s.setString(4, "Digest " + i);
                    s.setString(5, now);
                    s.setString(6, now);
                    s.executeUpdate();
                }
            }
            c.commit();
        }
        awaitTrue(Duration.ofSeconds(30), () -> a.mail().hanging() || b.mail().hanging());
        Instance killed = a.mail().hanging() ? a : b;
        Instance survivor = killed == a ? b : a;
        survivor.mail().hangAfter(Integer.MAX_VALUE);
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        killed.context().close();

        // the survivor takes the retry lock over once the dead holder's runs out, and the hung mail once its lease
        // has (the dead instance had not handed it to the mail server)
        awaitTrue(Duration.ofSeconds(90), () -> greenMail.getReceivedMessages().length >= mails);
        assertThat(count("SELECT COUNT(*) FROM digest_outbox WHERE status = 'SENT'"))
                .isEqualTo(mails);
        Map<String, Long> received = Arrays.stream(greenMail.getReceivedMessages())
                .map(FleetTests::recipient)
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(received.values()).containsOnly(1L);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long firstPageRequests() {
        return arxiv.requests().stream()
                .filter(r -> r.param("resumptionToken") == null)
                .count();
    }

    static ReplayServer.Reply recordedHarvest(ReplayServer.Request r) {
        // three recorded pages chained by their resumption tokens, as ArxivHarvesterTest replays them
        String token = r.param("resumptionToken");
        Path file = token == null
                ? SharedData.oai("arXivOAIHarvester-2015/ListRecordsResponse.xml")
                : switch (token) {
                    case "726959|1001" -> SharedData.oai("arxiv-oai-harvester-2016/ListRecords.xml");
                    case "1403493|1001" ->
                        SharedData.oai("hepcrawl-arXiv-format/functional__arxiv__fixtures__http_server__records__"
                                + "arxiv-physics-hep-th.xml");
                    default -> SharedData.oai("arXivOAIHarvester-2015/ErrorResponseBadResumptionToken.xml");
                };
        return ReplayServer.Reply.ok(SharedData.bytes(file));
    }

    private static long count(String sql) {
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int upvoteCount(String html) {
        Matcher m = Pattern.compile("class=\"upvote-count\">\\s*(\\d+)").matcher(html);
        assertThat(m.find()).as("an upvote count on the page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A paper on {@link #DAY}, written through instance A. */
    private static ArxivId paper(String title) {
        ArxivId id = ArxivId.of(String.format("2512.%05d", 80_000 + COUNTER.incrementAndGet()));
        a.bean(PaperCatalog.class)
                .upsert(List.of(new PaperRecord(
                        new Paper(
                                id,
                                1,
                                title,
                                "An abstract about " + title + ".",
                                List.of("Ada Lovelace"),
                                List.of("cs.DC"),
                                Instant.parse("2025-12-14T10:00:00Z"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                3,
                                null),
                        new DailyEntry(id, DAY, Instant.parse("2025-12-15T08:00:00Z"), null, 0, null))));
        return id;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the form").isTrue();
        return m.group(1);
    }

    private static String csrfMeta(String html) {
        Matcher m = CSRF_META.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls until the condition holds (or fails the test after {@code limit}). */
    private static void awaitTrue(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
