package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.junit.jupiter.api.Test;

/** The curation file's reading and the rules' matching, without a database. */
class CurationFileTest {

    @Test
    void shouldReadRulesWithListsOrSingleValues() {
        CurationRules rules = CurationFile.parse(
                "curation.yml",
                """
                max-age-days: 3
                rules:
                  - name: nlp
                    categories: cs.CL
                    keywords: [large language model, "retrieval-augmented generation"]
                  - authors: [Yann LeCun]
                    organizations: Meta
                  - search: 'title:diffusion'
                  - similar-to-upvoted: 20
                    categories: [cs]
                """);

        assertThat(rules.maxAgeDays()).isEqualTo(3);
        assertThat(rules.rules()).hasSize(4);
        assertThat(rules.rules().get(0).categories()).containsExactly("cs.CL");
        assertThat(rules.rules().get(0).keywords())
                .containsExactly("large language model", "retrieval-augmented generation");
        assertThat(rules.rules().get(1).name()).isEqualTo("rule 2");
        assertThat(rules.rules().get(1).organizations()).containsExactly("Meta");
        assertThat(rules.rules().get(2).search()).isEqualTo("title:diffusion");
        assertThat(rules.rules().get(3).similarToUpvoted()).isEqualTo(20);
        assertThat(rules.rules().get(3).needsSearch()).isTrue();
    }

    @Test
    void shouldTreatAnEmptyFileAsNoRules() {
        assertThat(CurationFile.parse("curation.yml", "# nothing yet\n").rules())
                .isEmpty();
    }

    @Test
    void shouldNameTheLineOfASyntaxError() {
        assertThatThrownBy(() -> CurationFile.parse("curation.yml", "rules:\n  - name: a\n   categories: [cs\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("curation.yml:3: ");
    }

    @Test
    void shouldNameTheRuleAndKeyOfAContentError() {
        assertThatThrownBy(() ->
                        CurationFile.parse("c.yml", "rules:\n  - name: a\n    categories: [cs]\n  - catgories: [cs]\n"))
                .hasMessageStartingWith("c.yml: rules[2]: unknown key 'catgories'");
        assertThatThrownBy(() -> CurationFile.parse("c.yml", "rules:\n  - name: empty\n"))
                .hasMessageContaining("rules[1]: rule 'empty' names no criterion");
        assertThatThrownBy(() -> CurationFile.parse("c.yml", "max-age-days: -2\n"))
                .hasMessageContaining("max-age-days: expected a whole number >= 0, found -2");
        assertThatThrownBy(() -> CurationFile.parse("c.yml", "rules:\n  - keywords: [{a: b}]\n"))
                .hasMessageContaining("rules[1]: keywords: expected texts");
        assertThatThrownBy(() -> CurationFile.parse("c.yml", "rule: []\n")).hasMessageContaining("unknown key 'rule'");
    }

    @Test
    void shouldMatchWholeWordsPluralsAndHyphens() {
        assertThat(Curator.containsWords("Convolutional Neural Networks for gait", "neural network"))
                .isTrue();
        assertThat(Curator.containsWords("a neural-network model", "neural network"))
                .isTrue();
        assertThat(Curator.containsWords("a fragment of text", "rag")).isFalse();
        assertThat(Curator.containsWords("RAG pipelines", "rag")).isTrue();
    }

    @Test
    void shouldMatchAuthorsWithoutCaseOrAccents() {
        CurationRule rule =
                new CurationRule("people", List.of(), List.of(), List.of("Jurgen Schmidhuber"), List.of(), null, 0);

        assertThat(Curator.matchRule(rule, harvested(List.of("Jürgen  Schmidhuber"), List.of("cs.LG"), null)))
                .isPresent();
        assertThat(Curator.matchRule(rule, harvested(List.of("J. Schmidhuber"), List.of("cs.LG"), null)))
                .isEmpty();
    }

    @Test
    void shouldTakeAnArchiveForAllItsCategories() {
        assertThat(Curator.anyCategory(List.of("cs"), List.of("stat.ML", "cs.LG")))
                .isTrue();
        assertThat(Curator.anyCategory(List.of("cs"), List.of("physics.comp-ph")))
                .isFalse();
        assertThat(Curator.anyCategory(List.of("cs.LG"), List.of("cs.LO"))).isFalse();
    }

    @Test
    void shouldConsiderOnlyPapersFirstSubmittedShortlyBeforeTheRecordDate() {
        CurationRules week = new CurationRules(7, List.of());
        assertThat(Curator.fresh(week, harvested(List.of("A"), List.of(), Instant.parse("2016-10-14T10:00:00Z"))))
                .isTrue();
        assertThat(Curator.fresh(week, harvested(List.of("A"), List.of(), Instant.parse("2016-10-12T10:00:00Z"))))
                .isFalse();
        assertThat(Curator.fresh(new CurationRules(0, List.of()), harvested(List.of("A"), List.of(), null)))
                .isTrue();
    }

    private static OaiPmhParser.Harvested harvested(List<String> authors, List<String> categories, Instant published) {
        Paper paper = new Paper(
                ArxivId.of("1610.01234"),
                1,
                "A title",
                "An abstract.",
                authors,
                categories,
                published,
                published,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
        return new OaiPmhParser.Harvested(paper, LocalDate.parse("2016-10-20"), List.of("cs"), List.of());
    }

    @Test
    void shouldReadRulesBySourceVenueAndDecisionAndNameTheirMistakes() {
        CurationRules rules = CurationFile.parse(
                "c.yml",
                "rules:\n  - name: ICLR orals\n    venues: [ICLR]\n    decisions: [oral]\n"
                        + "  - name: ACL\n    sources: acl\n    categories: [cs.CL]\n");
        CurationRule orals = rules.rules().getFirst();
        assertThat(orals.venues()).containsExactly("iclr");
        assertThat(orals.decisions()).containsExactly("oral");
        assertThat(orals.needsRecords()).isTrue();
        assertThat(rules.rules().get(1).sources()).containsExactly("acl");

        assertThatThrownBy(() -> CurationFile.parse("c.yml", "rules:\n  - venues: [iclr]\n    decisions: [maybe]\n"))
                .hasMessageStartingWith("c.yml: rules[1]: decisions: 'maybe' is not a decision");
        assertThatThrownBy(() -> CurationFile.parse("c.yml", "rules:\n  - sources: [ssrn]\n"))
                .hasMessageStartingWith("c.yml: rules[1]: sources: 'ssrn' is not one of");
    }
}
