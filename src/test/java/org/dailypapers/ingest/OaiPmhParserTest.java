package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded OAI-PMH response, read without a server. */
class OaiPmhParserTest {

    static Stream<Path> recordFiles() throws IOException {
        Path root = SharedData.root().resolve("arxiv-oai-pmh");
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(f -> f.toString().endsWith(".xml"))
                    .filter(f -> !f.getFileName().toString().startsWith("ErrorResponse"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordFiles")
    void shouldReadEveryRecordOfEveryRecordedResponse(Path file) {
        OaiPmhParser.Page page = OaiPmhParser.parse(file.toString(), SharedData.bytes(file));

        long recorded = ArxivHarvesterTest.recordedIds(file).size();
        assertThat(page.problems()).isEmpty();
        assertThat(page.records()).hasSize((int) recorded).isNotEmpty();
        assertThat(page.records()).allSatisfy(h -> {
            assertThat(h.paper().title()).isNotBlank().doesNotContain("\n");
            assertThat(h.paper().abstractText()).isNotBlank().doesNotContain("  ");
            assertThat(h.paper().authors()).isNotEmpty();
            assertThat(h.paper().publishedAt()).isNotNull();
        });
    }

    @Test
    void shouldReadTokenAndListSizeOfAPartialList() {
        OaiPmhParser.Page page = OaiPmhParser.parse("page", SharedData.bytes(ArxivHarvesterTest.PAGE_1));

        assertThat(page.records()).hasSize(6);
        assertThat(page.resumptionToken()).isEqualTo("726959|1001");
        assertThat(page.completeListSize()).isEqualTo(58011);
        assertThat(page.cursor()).isZero();
        assertThat(page.records().getFirst().sets()).containsExactly("physics:nucl-ex", "physics:nucl-th");
    }

    @Test
    void shouldReadArxivFormatOutsideItsNamespace() {
        // an edited fixture whose <arXiv> element lacks its namespace and holds twelve records
        Path file = SharedData.oai("hepcrawl-arXiv-format/unit__responses__arxiv__sample_arxiv_record.xml");
        OaiPmhParser.Page page = OaiPmhParser.parse("page", SharedData.bytes(file));

        assertThat(page.records()).hasSize(12);
        assertThat(page.resumptionToken()).isNull();
    }

    @Test
    void shouldSkipAnUnreadableRecordNamingItsLineAndIdentifier() {
        String text = new String(SharedData.bytes(ArxivHarvesterTest.PAGE_1), StandardCharsets.UTF_8)
                .replaceFirst("<title>Limit distributions and scaling functions</title>", "<title> </title>");
        OaiPmhParser.Page page = OaiPmhParser.parse("page-1.xml", text.getBytes(StandardCharsets.UTF_8));

        assertThat(page.records()).hasSize(5);
        assertThat(page.problems())
                .singleElement()
                .asString()
                .contains("page-1.xml", "record at line 32", "oai:arXiv.org:0704.0716", "<title>");
    }

    @Test
    void shouldRefuseDoctypesAndExternalEntities() {
        String hostile =
                """
                <?xml version="1.0"?>
                <!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header>
                <identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2020-01-01</datestamp></header>
                <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>0704.0001</id><title>&xxe;</title>
                <abstract>x</abstract></arXivRaw></metadata></record></ListRecords></OAI-PMH>
                """;

        assertThatThrownBy(() -> OaiPmhParser.parse("hostile", hostile.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ArxivException.class)
                .hasMessageStartingWith("hostile: ");
    }

    @Test
    void shouldNameAnythingThatIsNotOaiPmh() {
        assertThatThrownBy(() -> OaiPmhParser.parse(
                        "x", "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("not an OAI-PMH response (root element <html> at line 1)");
        assertThatThrownBy(() -> OaiPmhParser.parse("x", new byte[0]))
                .isInstanceOf(ArxivException.class)
                .hasMessageStartingWith("x: ");
    }

    @Test
    void shouldKeepTheRecordedErrorCodes() {
        for (String code : List.of("BadArgument", "BadResumptionToken", "BadVerb", "IdDoesNotExist")) {
            Path file = SharedData.oai("arXivOAIHarvester-2015/ErrorResponse" + code + ".xml");
            String expected = Character.toLowerCase(code.charAt(0)) + code.substring(1);
            assertThatThrownBy(() -> OaiPmhParser.parse("f", SharedData.bytes(file)))
                    .isInstanceOf(ArxivException.class)
                    .extracting(e -> ((ArxivException) e).code())
                    .isEqualTo(expected);
        }
        Path none = SharedData.oai("arXivOAIHarvester-2015/ErrorResponseNoRecordsMatch.xml");
        assertThat(OaiPmhParser.parse("f", SharedData.bytes(none)).records()).isEmpty();
    }
}
