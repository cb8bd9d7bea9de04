package org.dailypapers.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.WebLinks;
import org.jspecify.annotations.Nullable;

/**
 * One record of a paper at one source: a bioRxiv/medRxiv preprint (newest version), an ACL Anthology paper or an
 * OpenReview submission. Several records of the same work belong to one paper; see {@link SourceRecords}.
 *
 * @param version the source's version number, 0 when it has none; the newest version wins
 * @param venue the venue's short key, lower case ({@code naacl}, {@code iclr}, {@code biorxiv}), for filters and feeds
 * @param venueName the venue as people write it ({@code NAACL 2025}, {@code ICLR 2026}, {@code bioRxiv})
 * @param date the day of this version (preprints) or the first day of the month of the event (proceedings)
 * @param doi the record's own DOI
 * @param publishedDoi the DOI of the published version the source names (bioRxiv's {@code published})
 * @param arxivId an arXiv id the source names as the same work, which the matcher trusts
 * @param categories the source's subject categories or keywords
 */
public record SourceRecord(
        Source source,
        SourceId id,
        int version,
        String title,
        String abstractText,
        List<RecordAuthor> authors,
        @Nullable String venue,
        @Nullable String venueName,
        Decision decision,
        @Nullable Integer year,
        @Nullable LocalDate date,
        @Nullable String doi,
        @Nullable String publishedDoi,
        @Nullable String pdfUrl,
        @Nullable String license,
        List<String> categories,
        @Nullable ArxivId arxivId) {

    public SourceRecord {
        if (source.scheme() != id.scheme()) {
            throw new IllegalArgumentException(
                    source.slug() + " records have " + source.scheme().prefix() + " identifiers, not " + id.key());
        }
        title = SafeText.clean(title).strip();
        abstractText = SafeText.clean(abstractText).strip();
        authors = List.copyOf(authors);
        venueName = SafeText.cleanNullable(venueName);
        doi = doi == null ? null : SourceId.doi(doi).map(SourceId::value).orElse(null);
        publishedDoi = publishedDoi == null
                ? null
                : SourceId.doi(publishedDoi).map(SourceId::value).orElse(null);
        pdfUrl = pdfUrl != null && WebLinks.isWebLink(pdfUrl) ? pdfUrl : null;
        categories = List.copyOf(categories);
        arxivId = arxivId == null ? null : arxivId.withoutVersion();
    }

    public String landingUrl() {
        return id.landingUrl();
    }

    /**
     * How the record's outcome reads on a page: "Published at NAACL 2025", "ICLR 2026 Poster", "Rejected at ICLR
     * 2026"; empty for a plain preprint.
     */
    public Optional<String> badge() {
        String v = venueName == null ? source.label() : venueName;
        return switch (decision) {
            case PREPRINT, SUBMITTED -> Optional.empty();
            case PUBLISHED ->
                publishedDoi != null && source.scheme() == SourceId.Scheme.DOI
                        ? Optional.of("Published (doi:" + publishedDoi + ")")
                        : Optional.of("Published at " + v);
            case ORAL -> Optional.of(v + " Oral");
            case SPOTLIGHT -> Optional.of(v + " Spotlight");
            case POSTER -> Optional.of(v + " Poster");
            case ACCEPTED -> Optional.of("Accepted at " + v);
            case REJECTED -> Optional.of("Rejected at " + v);
            case WITHDRAWN -> Optional.of("Withdrawn from " + v);
            case DESK_REJECTED -> Optional.of("Desk-rejected at " + v);
        };
    }

    public List<String> authorNames() {
        return authors.stream().map(RecordAuthor::name).toList();
    }
}
