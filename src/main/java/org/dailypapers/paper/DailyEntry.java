package org.dailypapers.paper;

import java.time.Instant;
import java.time.LocalDate;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.WebLinks;
import org.jspecify.annotations.Nullable;

/**
 * A paper's place on a day's feed: it was submitted to Daily Papers that day.
 *
 * @param day the feed day (the day of submission, as the feed shows it)
 * @param submittedAt when it was submitted
 * @param submittedBy who submitted it; {@code auto} for the instance's own curation
 */
public record DailyEntry(
        ArxivId paperId,
        LocalDate day,
        @Nullable Instant submittedAt,
        @Nullable Submitter submittedBy,
        int numComments,
        @Nullable Organization organization) {

    public DailyEntry {
        paperId = paperId.withoutVersion();
    }

    /** A Hugging Face-style user who submitted a paper. */
    public record Submitter(String name, @Nullable String fullname, @Nullable String avatarUrl) {

        public Submitter {
            name = SafeText.clean(name);
            fullname = SafeText.cleanNullable(fullname);
            avatarUrl = WebLinks.webOrSitePathOrNull(avatarUrl);
        }
    }

    /** An organisation a paper is attributed to. */
    public record Organization(String name, @Nullable String fullname, @Nullable String avatarUrl) {

        public Organization {
            name = SafeText.clean(name);
            fullname = SafeText.cleanNullable(fullname);
            avatarUrl = WebLinks.webOrSitePathOrNull(avatarUrl);
        }
    }
}
