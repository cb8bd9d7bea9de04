package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.ingest.ReplayServer;
import org.dailypapers.ingest.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** {@code dailypapers harvest} as a user runs it, against a local server replaying arXiv's recorded pages. */
class HarvestCommandTest {

    private static final Path PAGE_1 = SharedData.oai("arXivOAIHarvester-2015/ListRecordsResponse.xml");
    private static final Path PAGE_2 = SharedData.oai("arxiv-oai-harvester-2016/ListRecords.xml");
    private static final Path PAGE_3 = SharedData.oai(
            "hepcrawl-arXiv-format/functional__arxiv__fixtures__http_server__records__arxiv-physics-hep-th.xml");

    @TempDir
    Path home;

    private ReplayServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer(r -> {
            String token = r.param("resumptionToken");
            Path page = token == null ? PAGE_1 : token.equals("726959|1001") ? PAGE_2 : PAGE_3;
            return ReplayServer.Reply.ok(SharedData.bytes(page));
        });
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        server.close();
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    private int run(String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--dailypapers.home=" + home,
                "--dailypapers.db-url=",
                "--dailypapers.arxiv.oai-base-url=" + server.url("/oai2"),
                "--dailypapers.arxiv.request-interval=0s"));
        args.addAll(List.of(command));
        return CliLauncher.run(org.dailypapers.DailyPapersApplication.class, args.toArray(String[]::new));
    }

    @Test
    void shouldImportExactlyTheRecordedPagesAndEndWithTheSummaryLine() throws Exception {
        int status = run("harvest", "--from", "2014-10-01", "--set", "cs");

        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr).isZero();
        assertThat(stdout.lines().toList())
                .last()
                .isEqualTo("harvested=396 imported=396 updated=0 skipped=0 pages=3 proposed=0");
        assertThat(stderr)
                .contains("harvesting arXiv OAI-PMH arXivRaw set cs from 2014-10-01 until now")
                .contains("page 1: 6 records, 6 of 58,011 (0%)")
                .contains("page 3: 3 records, 396");
        assertThat(server.requests().getFirst().param("set")).isEqualTo("cs");
        assertThat(Files.exists(home.resolve("dailypapers.db"))).isTrue();

        out.reset();
        assertThat(run("harvest", "--from", "2014-10-01", "--set", "cs")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .last()
                .isEqualTo("harvested=396 imported=0 updated=0 skipped=396 pages=3 proposed=0");
    }

    @Test
    void shouldExitWithAnErrorNamingUrlPageAndCode() {
        byte[] badVerb = SharedData.bytes(SharedData.oai("arXivOAIHarvester-2015/ErrorResponseBadVerb.xml"));
        server.reset(r -> ReplayServer.Reply.ok(badVerb));

        int status = run("harvest", "--from", "2014-10-01");

        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: " + server.url("/oai2") + "?verb=ListRecords&metadataPrefix=arXivRaw&set=cs")
                .contains("(page 1): OAI-PMH error badVerb: Bad verb. Verb 'wah' not implemented.");
    }

    @Test
    void shouldRefuseADateRangeThatEndsBeforeItStarts() {
        int status = run("harvest", "--from", "2014-10-02", "--until", "2014-10-01");

        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--until 2014-10-01 is before --from 2014-10-02");
        assertThat(server.requests()).isEmpty();
    }

    private int runSources(String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--dailypapers.home=" + home,
                "--dailypapers.db-url=",
                "--dailypapers.sources.biorxiv-base-url=" + server.url("/biorxiv"),
                "--dailypapers.sources.acl-base-url=" + server.url("/xml"),
                "--dailypapers.sources.request-interval=0s"));
        args.addAll(List.of(command));
        return CliLauncher.run(org.dailypapers.DailyPapersApplication.class, args.toArray(String[]::new));
    }

    @Test
    void shouldHarvestAnotherSourceAndEndWithItsSummaryLine() {
        server.reset(r -> switch (r.uri().getPath()) {
            case "/xml/2025.tacl.xml" -> ReplayServer.Reply.ok(SharedData.bytes(SharedData.acl("2025.tacl.xml")));
            case "/biorxiv/details/medrxiv/2024-01-01/2024-12-31/0" ->
                ReplayServer.Reply.ok(SharedData.bytes(SharedData.biorxiv("lifepilot-bot/details.json")));
            default ->
                ReplayServer.Reply.ok("{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}"
                        .getBytes(StandardCharsets.UTF_8));
        });

        assertThat(runSources("harvest", "--source", "acl", "--collection", "2025.tacl"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .last()
                .isEqualTo("harvested=33 imported=33 updated=0 skipped=0 pages=1 proposed=0 merged=0");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("harvesting ACL Anthology 2025.tacl");

        out.reset();
        assertThat(runSources("harvest", "--source", "medrxiv", "--from", "2024-01-01", "--until", "2024-12-31"))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .last()
                .isEqualTo("harvested=100 imported=99 updated=0 skipped=1 pages=2 proposed=0 merged=0");
    }

    @Test
    void shouldRefuseAnUnknownSourceAndOptionsOfAnotherSource() {
        assertThat(runSources("harvest", "--source", "ssrn")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--source must be one of arxiv|biorxiv|medrxiv|acl|openreview, not 'ssrn'");
        err.reset();
        assertThat(runSources("harvest", "--source", "acl", "--from", "2024-01-01"))
                .isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--from and --until apply to --source biorxiv|medrxiv only");
        err.reset();
        assertThat(runSources("harvest", "--collection", "2024.acl")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("need --source acl|openreview");
        assertThat(server.requests()).isEmpty();
    }
}
