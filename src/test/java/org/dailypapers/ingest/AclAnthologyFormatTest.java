package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dailypapers.paper.SourceRecord;
import org.junit.jupiter.api.Test;

class AclAnthologyFormatTest {

    static final List<String> FILES =
            List.of("2024.acl.xml", "2024.emnlp.xml", "2025.naacl.xml", "2022.findings.xml", "2025.tacl.xml");

    @Test
    void shouldReadEveryPaperOfTheRecordedCollectionsAndNoFrontmatter() {
        int papers = 0;
        for (String f : FILES) {
            AclAnthologyFormat.Collection c = AclAnthologyFormat.parse(f, SharedData.bytes(SharedData.acl(f)));
            assertThat(c.problems()).isEmpty();
            assertThat(c.records()).allSatisfy(r -> assertThat(r.id().value()).doesNotEndWith(".0"));
            papers += c.records().size();
        }
        assertThat(papers).isEqualTo(4545);
    }

    @Test
    void shouldTurnTexMathIntoReadableText() {
        assertThat(AclAnthologyFormat.texToText("\\approx 27\\%")).isEqualTo("≈ 27%");
        assertThat(AclAnthologyFormat.texToText("\\times")).isEqualTo("×");
        assertThat(AclAnthologyFormat.texToText("\\mathbf{x}^{2}")).isEqualTo("x^2");
        assertThat(AclAnthologyFormat.texToText("O(n \\log n)")).isEqualTo("O(n n)");
    }

    @Test
    void shouldKeepOrcidsPersonIdsAndAuthorOrder() {
        SourceRecord fizz =
                AclAnthologyFormat.parse("2024.emnlp.xml", SharedData.bytes(SharedData.acl("2024.emnlp.xml")))
                        .records()
                        .stream()
                        .filter(r -> r.id().value().equals("2024.emnlp-main.3"))
                        .findFirst()
                        .orElseThrow();
        assertThat(fizz.authorNames().subList(0, 2)).containsExactly("Joonho Yang", "Seunghyun Yoon");
        assertThat(fizz.authors().get(1).orcid()).isEqualTo("0000-0002-7262-3579");
        assertThat(fizz.abstractText()).startsWith("Through the advent of pre-trained language models");
    }

    @Test
    void shouldNameFileAndLineOfMalformedXml() {
        byte[] broken = "<collection id=\"2024.x\">\n<volume id=\"main\">\n<paper id=\"1\"><title>A</titel>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AclAnthologyFormat.parse("2024.x.xml", broken))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("2024.x.xml:3: malformed XML");
        byte[] doctype = "<!DOCTYPE x [<!ENTITY e \"e\">]><collection id=\"x\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AclAnthologyFormat.parse("x.xml", doctype)).isInstanceOf(SourceException.class);
    }
}
