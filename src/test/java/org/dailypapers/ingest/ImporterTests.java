package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dailypapers.TestData;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// The context stops before JUnit deletes the static @TempDir home: its background indexer writes there.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ImporterTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
    }

    @Autowired
    PaperImporter importer;

    @Autowired
    PaperCatalog catalog;

    @TempDir
    Path work;

    @Test
    void shouldExitWithTwoForATruncatedGzipAndOneForAnEmptyFile() throws IOException {
        Path gz = work.resolve("cut.jsonl.gz");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(
                    Files.readAllBytes(TestData.file("arxiv-kaggle-metadata-sample/arxiv-metadata-oai-snapshot.json")));
        }
        Files.write(gz, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        ImportSummary cut = importer.importFiles(List.of(gz), ImportListener.NONE);
        assertThat(cut.recordsRead()).isPositive();
        assertThat(cut.problems()).anySatisfy(p -> assertThat(p.reason()).contains("truncated"));
        assertThat(cut.exitCode()).isEqualTo(2);

        Path empty = Files.createFile(work.resolve("empty.jsonl"));
        ImportSummary none = importer.importFiles(List.of(empty), ImportListener.NONE);
        assertThat(none.problems()).singleElement().asString().contains("empty file");
        assertThat(none.exitCode()).isEqualTo(1);

        ImportSummary good =
                importer.importFiles(List.of(TestData.hfDailyPapers().resolve("2025-01-13.json")), ImportListener.NONE);
        assertThat(good.exitCode()).isZero();
    }

    @Test
    void shouldImportTheKaggleSnapshotWithVersionsAndDates() {
        ImportSummary summary = importer.importFiles(
                List.of(TestData.file("arxiv-kaggle-metadata-sample/arxiv-metadata-oai-snapshot.json")),
                ImportListener.NONE);

        assertThat(summary.imported() + summary.updated() + summary.skipped()).isEqualTo(200);
        assertThat(summary.malformed()).isZero();
        Paper first = catalog.find(ArxivId.of("0704.0001")).orElseThrow();
        assertThat(first.title())
                .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(first.authors()).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
        assertThat(first.categories()).containsExactly("hep-ph");
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.publishedAt()).hasToString("2007-04-02T19:18:42Z");
        assertThat(first.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
        assertThat(first.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    }

    @Test
    void shouldImportHuggingFaceDaysWithTheirEntries() {
        ImportSummary summary =
                importer.importFiles(List.of(TestData.hfDailyPapers().resolve("2025-01-13.json")), ImportListener.NONE);

        assertThat(summary.recordsRead()).isEqualTo(5);
        assertThat(summary.malformed()).isZero();
        Paper videoRag = catalog.find(ArxivId.of("2501.05874")).orElseThrow();
        assertThat(videoRag.title()).isEqualTo("VideoRAG: Retrieval-Augmented Generation over Video Corpus");
        assertThat(videoRag.upvotes()).isEqualTo(19);
        assertThat(videoRag.authors()).startsWith("Soyeong Jeong", "Kangsan Kim");
        DailyEntry entry = catalog.findEntry(ArxivId.of("2501.05874")).orElseThrow();
        assertThat(entry.day()).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(entry.submittedBy()).isNotNull();
        assertThat(entry.submittedBy().name()).isEqualTo("jinheon");
        assertThat(entry.numComments()).isEqualTo(1);
    }

    @Test
    void shouldKeepHuggingFaceCodeLinksAndOrganisations() {
        importer.importFiles(List.of(TestData.hfDailyPapers().resolve("2025-10-03.json")), ImportListener.NONE);

        Paper paper = catalog.find(ArxivId.of("2510.02283")).orElseThrow();
        assertThat(paper.githubRepo()).contains("https://github.com/justincui03/Self-Forcing-Plus-Plus");
        assertThat(paper.projectPage()).contains("https://self-forcing-plus-plus.github.io/");
        DailyEntry entry = catalog.findEntry(ArxivId.of("2510.02283")).orElseThrow();
        assertThat(entry.organization()).isNotNull();
        assertThat(entry.organization().name()).isEqualTo("ByteDance-Seed");
        assertThat(entry.organization().fullname()).isEqualTo("ByteDance Seed");
    }

    @Test
    void shouldImportArxivListingsAndFindCodeLinks() {
        ImportSummary summary = importer.importFiles(
                List.of(TestData.file("arxiv-daily-cs/daily/2025-12-02.jsonl")), ImportListener.NONE);

        assertThat(summary.malformed()).isZero();
        assertThat(summary.recordsRead()).isEqualTo(465);
        long withCode;
        try (Stream<String> lines = Files.lines(TestData.file("arxiv-daily-cs/daily/2025-12-02.jsonl"))) {
            withCode = lines.filter(l -> l.contains("github.com/")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(withCode).isPositive();
        assertThat(catalog.counts().papers()).isGreaterThanOrEqualTo(summary.imported());
    }

    @Test
    void shouldSkipABrokenLineNameItAndImportEveryOtherLine() throws IOException {
        List<String> lines =
                new ArrayList<>(Files.readAllLines(TestData.file("arxiv-daily-cs/daily/2025-12-15.jsonl")));
        int total = lines.size();
        lines.set(total / 2, lines.get(total / 2).substring(0, 40));
        lines.set(total / 2 + 1, "{\"id\": \"not-an-id\", \"title\": \"x\", \"summary\": \"y\", \"categories\": []}");
        Path broken = work.resolve("broken.jsonl");
        Files.write(broken, lines, StandardCharsets.UTF_8);
        List<ImportProblem> heard = new ArrayList<>();

        ImportSummary summary = importer.importFiles(List.of(broken), new ImportListener() {
            @Override
            public void problem(ImportProblem problem) {
                heard.add(problem);
            }
        });

        assertThat(summary.malformed()).isEqualTo(2);
        assertThat(summary.recordsRead()).isEqualTo(total - 2);
        assertThat(heard).extracting(ImportProblem::line).containsExactly((long) total / 2 + 1, (long) total / 2 + 2);
        assertThat(heard.get(0).toString()).startsWith(broken + ":" + (total / 2 + 1) + ": invalid JSON");
        assertThat(heard.get(1).toString()).contains("not an arXiv id: not-an-id");
        assertThat(summary.nothingRead()).isFalse();
    }

    @Test
    void shouldKeepTheRecordsBeforeAnArrayIsCutOff() throws IOException {
        String day = Files.readString(TestData.hfDailyPapers().resolve("2025-01-14.json"));
        Path truncated = work.resolve("2025-01-14.json");
        Files.writeString(truncated, day.substring(0, day.length() * 2 / 3));

        ImportSummary summary = importer.importFiles(List.of(truncated), ImportListener.NONE);

        assertThat(summary.recordsRead()).isPositive();
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(truncated.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.reason()).contains("rest of file skipped");
        });
    }

    @Test
    void shouldReportNothingReadForAFileOfGarbage() throws IOException {
        Path garbage = work.resolve("garbage.txt");
        Files.writeString(garbage, "this is not json\nnor this\n");
        Path missing = work.resolve("missing.jsonl");

        ImportSummary summary = importer.importFiles(List.of(garbage, missing), ImportListener.NONE);

        assertThat(summary.nothingRead()).isTrue();
        assertThat(summary.problems())
                .extracting(ImportProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(garbage + ":1: unrecognised format"))
                .anySatisfy(p -> assertThat(p).startsWith(missing + ": cannot read"));
    }

    @Test
    void shouldRoundTripTheExportFormat() throws IOException {
        importer.importFiles(List.of(TestData.hfDailyPapers().resolve("2025-10-03.json")), ImportListener.NONE);
        Path export = work.resolve("export.jsonl.gz");

        long written = importer.export(export, true);
        ImportSummary again = importer.importFiles(List.of(export), ImportListener.NONE);

        assertThat(written).isPositive();
        assertThat(again.recordsRead()).isEqualTo(written);
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
    }
}
