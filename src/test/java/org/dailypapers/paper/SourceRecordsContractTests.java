package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** One work, one paper: merging, splitting, versions and venue alerts, run against each database by subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "dailypapers.demo=false")
abstract class SourceRecordsContractTests {

    @Autowired
    PaperCatalog catalog;

    @Autowired
    SourceRecords records;

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "q");
    }

    private static Paper arxiv(String id, String title, List<String> authors, @Nullable String doi) {
        return new Paper(
                ArxivId.of(id),
                1,
                title,
                "An abstract.",
                authors,
                List.of("cs.CL"),
                Instant.parse("2025-02-01T00:00:00Z"),
                null,
                null,
                null,
                doi,
                null,
                List.of(),
                0,
                null);
    }

    static SourceRecord acl(String id, String title, List<String> authors, Decision decision) {
        return new SourceRecord(
                Source.ACL,
                new SourceId(SourceId.Scheme.ACL, id),
                0,
                title,
                "An abstract.",
                authors.stream().map(RecordAuthor::named).toList(),
                "naacl",
                "NAACL 2025",
                decision,
                2025,
                LocalDate.parse("2025-04-01"),
                "10.18653/v1/" + id,
                null,
                "https://aclanthology.org/" + id + ".pdf",
                "CC BY 4.0",
                List.of(),
                null);
    }

    static SourceRecord openReview(String id, String title, List<String> authors, Decision decision) {
        return new SourceRecord(
                Source.OPENREVIEW,
                new SourceId(SourceId.Scheme.OPENREVIEW, id),
                0,
                title,
                "An abstract.",
                authors.stream().map(RecordAuthor::named).toList(),
                "iclr",
                "ICLR 2026",
                decision,
                2026,
                LocalDate.parse("2026-01-26"),
                null,
                null,
                null,
                "CC BY 4.0",
                List.of(),
                null);
    }

    static SourceRecord biorxiv(String doi, int version, String title, @Nullable String published) {
        return new SourceRecord(
                Source.BIORXIV,
                SourceId.doi(doi).orElseThrow(),
                version,
                title,
                "An abstract.",
                List.of(RecordAuthor.named("O. J. Watson")),
                "biorxiv",
                "bioRxiv",
                published == null ? Decision.PREPRINT : Decision.PUBLISHED,
                2024,
                LocalDate.parse("2024-01-0" + version),
                doi,
                published,
                null,
                "cc_by",
                List.of("ecology"),
                null);
    }

    @Test
    void shouldMergeTheVenueRecordIntoTheArxivPaperOfTheSameWorkAndAlertOnce() {
        String id = CatalogContractTests.freshId();
        String title = unique("Markov Chain of Thought for Efficient Mathematical Reasoning");
        catalog.upsert(List.of(PaperRecord.of(arxiv(id, title, List.of("Wen Yang", "Kai Liao", "Fan Wu"), null))));
        String aclId = "2025.naacl-long." + id.substring(5);

        SourceRecords.Outcome o = records.upsert(
                List.of(acl(aclId, title, List.of("Wen Yang", "Kai Liao", "Fan Wu"), Decision.PUBLISHED)));

        assertThat(o).isEqualTo(new SourceRecords.Outcome(1, 0, 0, 1));
        SourceId rec = SourceId.of(aclId);
        assertThat(records.paperOf(rec)).hasValue(ArxivId.of(id));
        SourceRecords.Work work = records.work(rec).orElseThrow();
        assertThat(work.paper()).isNotNull();
        assertThat(work.badges()).containsExactly("Published at NAACL 2025");
        assertThat(records.recordsOf(ArxivId.of(id)))
                .extracting(SourceRecord::id)
                .containsExactly(rec);
        assertThat(records.venueEvents(List.of(id), Instant.EPOCH))
                .singleElement()
                .satisfies(e -> assertThat(e.badge()).isEqualTo("Published at NAACL 2025"));

        // the same record again changes nothing and alerts nobody twice
        assertThat(records.upsert(
                        List.of(acl(aclId, title, List.of("Wen Yang", "Kai Liao", "Fan Wu"), Decision.PUBLISHED))))
                .isEqualTo(new SourceRecords.Outcome(0, 0, 1, 0));
        assertThat(records.venueEvents(List.of(id), Instant.EPOCH)).hasSize(1);
    }

    @Test
    void shouldKeepASplitApartThroughReharvestsAndNewArxivVersions() {
        String id = CatalogContractTests.freshId();
        String title = unique("Decoding Speculative Decoding");
        List<String> authors = List.of("Minghao Yan", "Saurabh Agarwal", "Shivaram Venkataraman");
        catalog.upsert(List.of(PaperRecord.of(arxiv(id, title, authors, null))));
        String aclId = "2025.naacl-short." + id.substring(5);
        records.upsert(List.of(acl(aclId, title, authors, Decision.PUBLISHED)));
        SourceId rec = SourceId.of(aclId);
        assertThat(records.paperOf(rec)).isPresent();

        assertThat(records.split(rec)).hasValue(ArxivId.of(id));
        assertThat(records.paperOf(rec)).isEmpty();
        assertThat(records.recordsOf(ArxivId.of(id))).isEmpty();

        records.upsert(List.of(acl(aclId, title + " ", authors, Decision.PUBLISHED)));
        Paper v2 = arxiv(id, title, authors, null);
        catalog.upsert(List.of(PaperRecord.of(new Paper(
                v2.id(),
                2,
                v2.title(),
                "A new abstract.",
                v2.authors(),
                v2.categories(),
                v2.publishedAt(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null))));
        assertThat(records.paperOf(rec)).isEmpty();
        assertThat(records.work(rec).orElseThrow().paper()).isNull();
        assertThat(records.split(rec)).isEmpty();
    }

    @Test
    void shouldLinkARecordToAnArxivPaperThatArrivesLaterAndAlertItsDecision() {
        String title = unique("Sphinx: Visual Perception and Reasoning Gym");
        List<String> authors = List.of("Md Tanvirul Alam", "Saksham Aggarwal", "Justin Yang Chae");
        String forum = "Fq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        records.upsert(List.of(openReview(forum, title, authors, Decision.POSTER)));
        SourceId rec = SourceId.parse(SourceId.Scheme.OPENREVIEW, forum).orElseThrow();
        assertThat(records.paperOf(rec)).isEmpty();

        String id = CatalogContractTests.freshId();
        catalog.upsert(List.of(PaperRecord.of(arxiv(id, title, authors, null))));

        assertThat(records.paperOf(rec)).hasValue(ArxivId.of(id));
        assertThat(records.venueEvents(List.of(id), Instant.EPOCH))
                .extracting(VenueEvent::badge)
                .containsExactly("ICLR 2026 Poster");
    }

    @Test
    void shouldKeepTheNewestVersionOfAPreprintAndMatchItsJournalDoi() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String doi = "10.1101/2024.01.02." + suffix;
        String journal = "10.1038/s41586-024-" + suffix;
        String id = CatalogContractTests.freshId();
        catalog.upsert(List.of(PaperRecord.of(arxiv(id, unique("A wholly other title"), List.of("X Y"), journal))));

        SourceRecords.Outcome first = records.upsert(
                List.of(biorxiv(doi, 2, unique("Preprint title"), journal), biorxiv(doi, 1, "Older title", null)));
        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(records.find(SourceId.of(doi)))
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(2));
        assertThat(records.paperOf(SourceId.of(doi))).hasValue(ArxivId.of(id));

        SourceRecords.Outcome older = records.upsert(List.of(biorxiv(doi, 1, "Older title", null)));
        assertThat(older).isEqualTo(new SourceRecords.Outcome(0, 0, 1, 0));
        assertThat(records.find(SourceId.of(doi)))
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(2));
    }

    @Test
    void shouldListAndCountBySourceAndVenue() {
        String t = unique("Listing");
        records.upsert(List.of(openReview(
                "Li" + UUID.randomUUID().toString().replace("-", "").substring(0, 8),
                t,
                List.of("A B"),
                Decision.REJECTED)));
        assertThat(records.list(Source.OPENREVIEW, "iclr", 0, 10).total()).isPositive();
        assertThat(records.list(Source.ACL, "iclr", 0, 10).total()).isZero();
        assertThat(records.facets().get("source")).containsKey("openreview");
    }
}
