package org.dailypapers.paper;

import java.util.Optional;

/**
 * What became of a record at its venue. Preprint servers give {@link #PREPRINT} (or {@link #PUBLISHED} once a
 * journal version is named), proceedings give {@link #PUBLISHED}, OpenReview gives the conference's decision.
 */
public enum Decision {
    PREPRINT("preprint"),
    PUBLISHED("published"),
    ORAL("oral"),
    SPOTLIGHT("spotlight"),
    POSTER("poster"),
    ACCEPTED("accepted"),
    SUBMITTED("submitted"),
    REJECTED("rejected"),
    WITHDRAWN("withdrawn"),
    DESK_REJECTED("desk-rejected");

    private final String slug;

    Decision(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** Whether the venue took the paper: the decisions that a "Published" alert reports. */
    public boolean accepted() {
        return this == PUBLISHED || this == ORAL || this == SPOTLIGHT || this == POSTER || this == ACCEPTED;
    }

    public static Optional<Decision> parse(String text) {
        for (Decision d : values()) {
            if (d.slug.equalsIgnoreCase(text.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
