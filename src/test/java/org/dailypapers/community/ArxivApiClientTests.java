package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArxivApiClientTests {

    private static ArxivFixtureServer arxiv;

    @BeforeAll
    static void start() {
        arxiv = new ArxivFixtureServer();
    }

    @AfterAll
    static void stop() {
        arxiv.close();
    }

    @Test
    void shouldReadARecordedPaper() {
        ArxivApiClient client = new ArxivApiClient(arxiv.baseUrl(), Duration.ZERO);

        Paper p = client.find(ArxivId.of("1707.08567")).orElseThrow();

        assertThat(p.title())
                .isEqualTo("Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.authors()).hasSize(34).startsWith("Kees A. Schouhamer Immink");
        assertThat(p.categories()).containsExactly("cs.IT");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2017-07-27T08:18:33Z"));
        assertThat(p.comments()).startsWith("44 pages");
    }

    @Test
    void shouldReadOldStyleIdsAndListingEntries() {
        ArxivApiClient client = new ArxivApiClient(arxiv.baseUrl(), Duration.ZERO);

        assertThat(client.find(ArxivId.of("astro-ph/0601001"))).isPresent();
        Paper listed = client.find(ArxivId.of("2512.13690")).orElseThrow();
        assertThat(listed.title()).startsWith("DiffusionBrowser");
        assertThat(listed.categories()).first().isEqualTo("cs.CV");
    }

    @Test
    void shouldTreatUnknownAndMalformedIdsAsMissing() {
        ArxivApiClient client = new ArxivApiClient(arxiv.baseUrl(), Duration.ZERO);

        assertThat(client.find(ArxivId.of("2512.99999"))).isEmpty();
        // the recorded answer to id_list=abc is HTTP 400 with an error entry
        assertThat(client.find(new ArxivId("abc", 0))).isEmpty();
    }

    @Test
    void shouldCacheAnswersAndSpaceRequests() {
        ArxivApiClient client = new ArxivApiClient(arxiv.baseUrl(), Duration.ofMillis(300));
        int before = arxiv.requestNanos.size();

        client.find(ArxivId.of("0808.05394"));
        client.find(ArxivId.of("0808.05394"));
        client.find(ArxivId.of("1605.08386"));

        assertThat(arxiv.requestNanos.size() - before).isEqualTo(2);
        long gap = arxiv.requestNanos.get(before + 1) - arxiv.requestNanos.get(before);
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void shouldRefuseDoctypesInAnswers() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2501.00001v1</id>"
                + "<title>&x;</title></entry></feed>";

        assertThatThrownBy(() -> ArxivApiClient.parse(
                        new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), ArxivId.of("2501.00001")))
                .isInstanceOf(ArxivLookup.ArxivUnavailableException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldReportAnUnreachableArxiv() {
        ArxivApiClient client = new ArxivApiClient("http://127.0.0.1:1/api", Duration.ZERO);

        assertThatThrownBy(() -> client.find(ArxivId.of("2501.00001")))
                .isInstanceOf(ArxivLookup.ArxivUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }
}
