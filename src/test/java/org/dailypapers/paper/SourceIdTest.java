package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceIdTest {

    @Test
    void shouldReadBothBiorxivDoiPrefixesInEveryWritingAsOneCanonicalDoi() {
        assertThat(SourceId.parse("10.1101/2024.01.02.577000"))
                .hasValue(new SourceId(SourceId.Scheme.DOI, "10.1101/2024.01.02.577000"));
        assertThat(SourceId.parse("https://doi.org/10.64898/2026.07.13.738145"))
                .hasValue(new SourceId(SourceId.Scheme.DOI, "10.64898/2026.07.13.738145"));
        assertThat(SourceId.parse("doi:10.1101/029900")).hasValue(new SourceId(SourceId.Scheme.DOI, "10.1101/029900"));
        assertThat(SourceId.parse("https://www.biorxiv.org/content/10.1101/2024.01.02.577000v2"))
                .hasValue(new SourceId(SourceId.Scheme.DOI, "10.1101/2024.01.02.577000"));
        assertThat(SourceId.parse("10.18653/V1/2024.ACL-LONG.1"))
                .hasValue(new SourceId(SourceId.Scheme.DOI, "10.18653/v1/2024.acl-long.1"));
    }

    @Test
    void shouldReadAnthologyIdsAndUrls() {
        assertThat(SourceId.parse("2024.acl-long.1")).hasValue(new SourceId(SourceId.Scheme.ACL, "2024.acl-long.1"));
        assertThat(SourceId.parse("https://aclanthology.org/2022.findings-emnlp.548.pdf"))
                .hasValue(new SourceId(SourceId.Scheme.ACL, "2022.findings-emnlp.548"));
        assertThat(SourceId.parse("acl:2025.tacl-1.1")).hasValue(new SourceId(SourceId.Scheme.ACL, "2025.tacl-1.1"));
        assertThat(SourceId.parse("P19-1001")).hasValue(new SourceId(SourceId.Scheme.ACL, "P19-1001"));
    }

    @Test
    void shouldReadOpenReviewIdsOnlyWhenNamedAsSuch() {
        assertThat(SourceId.parse("https://openreview.net/forum?id=FPLNSx1jmL"))
                .hasValue(new SourceId(SourceId.Scheme.OPENREVIEW, "FPLNSx1jmL"));
        assertThat(SourceId.parse("openreview:FPLNSx1jmL"))
                .hasValueSatisfying(id -> assertThat(id.path()).isEqualTo("/papers/openreview/FPLNSx1jmL"));
        assertThat(SourceId.parse(SourceId.Scheme.OPENREVIEW, "FPLNSx1jmL")).isPresent();
        assertThat(SourceId.parse("FPLNSx1jmL")).isEmpty();
    }

    @Test
    void shouldKeepArxivIdsAsTheyAre() {
        assertThat(SourceId.parse("2501.05874v2")).hasValueSatisfying(id -> {
            assertThat(id.scheme()).isEqualTo(SourceId.Scheme.ARXIV);
            assertThat(id.value()).isEqualTo("2501.05874");
            assertThat(id.path()).isEqualTo("/papers/2501.05874");
        });
        assertThat(SourceId.parse("hep-th/9901001"))
                .hasValueSatisfying(id -> assertThat(id.arxivId()).hasValue(ArxivId.of("hep-th/9901001")));
    }

    @Test
    void shouldRoundTripKeys() {
        for (String text : new String[] {"10.1101/029900", "2024.acl-long.1", "openreview:FPLNSx1jmL", "2501.05874"}) {
            SourceId id = SourceId.of(text);
            assertThat(SourceId.fromKey(id.key())).hasValue(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "10.1101/", "hello world", "2024.acl-long", "10.abc/x", "openreview:a b"})
    void shouldRefuseWhatIsNoIdentifier(String text) {
        assertThat(SourceId.parse(text)).isEmpty();
    }

    @Test
    void shouldParseSourcesInAnyCase() {
        assertThat(Source.parse("medRxiv")).hasValue(Source.MEDRXIV);
        assertThat(Source.parse("MEDRXIV")).hasValue(Source.MEDRXIV);
        assertThat(Source.parse("ssrn")).isEmpty();
    }
}
