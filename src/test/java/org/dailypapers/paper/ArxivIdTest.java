package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

    @ParameterizedTest
    @CsvSource({
        "2501.05874, 2501.05874, 0",
        "2501.05874v2, 2501.05874, 2",
        "arXiv:2501.05874v3, 2501.05874, 3",
        "https://arxiv.org/abs/2501.05874v2, 2501.05874, 2",
        "http://arxiv.org/pdf/2501.05874v1.pdf, 2501.05874, 1",
        "https://arxiv.org/pdf/2501.05874, 2501.05874, 0",
        "https://export.arxiv.org/abs/0704.0001, 0704.0001, 0",
        "oai:arXiv.org:1302.2146, 1302.2146, 0",
        "0704.0001, 0704.0001, 0",
        "math.GT/0309136, math/0309136, 0",
        "math.GT/0309136v2, math/0309136, 2",
        "hep-th/9901001, hep-th/9901001, 0",
        "https://arxiv.org/abs/astro-ph/0601001v1, astro-ph/0601001, 1",
        "' 2501.05874 ', 2501.05874, 0",
        "https://arxiv.org/abs/2501.05874?context=cs, 2501.05874, 0"
    })
    void shouldParseEveryCommonSpelling(String text, String canonical, int version) {
        ArxivId id = ArxivId.parse(text).orElseThrow();
        assertThat(id.id()).isEqualTo(canonical);
        assertThat(id.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "2501.123", "2513.05874", "12345.6789", "https://github.com/x/y", "math/123"})
    void shouldRejectWhatIsNoArxivId(String text) {
        assertThat(ArxivId.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldBuildAbsAndPdfUrlsFromTheCanonicalId() {
        ArxivId id = ArxivId.of("2501.05874v2");
        assertThat(id.absUrl()).isEqualTo("https://arxiv.org/abs/2501.05874");
        assertThat(id.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2501.05874");
        assertThat(id.versioned()).isEqualTo("2501.05874v2");
        assertThat(id.withoutVersion()).isEqualTo(new ArxivId("2501.05874", 0));
    }
}
