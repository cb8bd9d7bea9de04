package org.dailypapers.paper;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A window of the daily feed.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param category an arXiv category ({@code cs.CL}) or archive ({@code cs}) to keep, or null for all
 * @param organization an organisation name to keep, or null for all
 * @param submitter the user name of who submitted papers to the feed (Hugging Face's {@code submitter}), any case, or
 *     null for all
 * @param source keeps papers that have a record at this source (a venue of the ACL Anthology, OpenReview, a
 *     bioRxiv/medRxiv version), or null for all; {@code arxiv} keeps all, as every paper of the feed is on arXiv
 * @param venue keeps papers with a record at this venue ({@code naacl}, {@code iclr}), or null for all
 */
public record DailyQuery(
        LocalDate from,
        LocalDate to,
        DailySort sort,
        @Nullable String category,
        @Nullable String organization,
        @Nullable String submitter,
        @Nullable Source source,
        @Nullable String venue) {

    public DailyQuery {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
        }
    }

    public DailyQuery(
            LocalDate from, LocalDate to, DailySort sort, @Nullable String category, @Nullable String organization) {
        this(from, to, sort, category, organization, null);
    }

    public DailyQuery(
            LocalDate from,
            LocalDate to,
            DailySort sort,
            @Nullable String category,
            @Nullable String organization,
            @Nullable String submitter) {
        this(from, to, sort, category, organization, submitter, null, null);
    }

    public static DailyQuery day(LocalDate day, DailySort sort) {
        return new DailyQuery(day, day, sort, null, null);
    }
}
