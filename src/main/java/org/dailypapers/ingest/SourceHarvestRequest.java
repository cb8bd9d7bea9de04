package org.dailypapers.ingest;

import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.Source;
import org.jspecify.annotations.Nullable;

/**
 * What to harvest from a source other than arXiv. Empty lists and null dates mean the configured defaults: for
 * bioRxiv/medRxiv, since the last finished harvest of that server (yesterday on a first run) until today; for the
 * Anthology and OpenReview, the collections and invitations of {@code dailypapers.sources.*}.
 *
 * @param from bioRxiv/medRxiv: first day of the interval, inclusive
 * @param until bioRxiv/medRxiv: last day of the interval, inclusive
 * @param collections ACL Anthology collection ids ({@code 2024.acl}, {@code 2022.findings})
 * @param invitations OpenReview invitations ({@code ICLR.cc/2026/Conference/-/Submission}) or {@code venueid:ID}
 */
public record SourceHarvestRequest(
        Source source,
        @Nullable LocalDate from,
        @Nullable LocalDate until,
        List<String> collections,
        List<String> invitations) {

    public SourceHarvestRequest {
        collections = List.copyOf(collections);
        invitations = List.copyOf(invitations);
        if (source == Source.ARXIV) {
            throw new IllegalArgumentException("--source arxiv is the OAI-PMH harvest: run harvest without --source");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("--until " + until + " is before --from " + from);
        }
        boolean rxiv = source == Source.BIORXIV || source == Source.MEDRXIV;
        if (!rxiv && (from != null || until != null)) {
            throw new IllegalArgumentException("--from and --until apply to --source biorxiv|medrxiv only");
        }
        if (source != Source.ACL && !collections.isEmpty()) {
            throw new IllegalArgumentException("--collection applies to --source acl only");
        }
        if (source != Source.OPENREVIEW && !invitations.isEmpty()) {
            throw new IllegalArgumentException("--invitation and --venue-id apply to --source openreview only");
        }
        for (String c : collections) {
            if (!c.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,60}")) {
                throw new IllegalArgumentException("--collection '" + c + "' is not an Anthology collection id");
            }
        }
        for (String i : invitations) {
            if (i.isBlank() || i.length() > 200 || i.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("--invitation '" + i + "' is not an OpenReview invitation");
            }
        }
    }

    public static SourceHarvestRequest daily(Source source) {
        return new SourceHarvestRequest(source, null, null, List.of(), List.of());
    }
}
