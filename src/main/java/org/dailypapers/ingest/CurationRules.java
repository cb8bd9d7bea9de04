package org.dailypapers.ingest;

import java.util.List;

/**
 * The rule set of automatic curation, as read from the curation file.
 *
 * @param maxAgeDays only papers first submitted at most this many days before arXiv's record date are proposed,
 *     so that revisions of old papers do not flood the feed; 0 proposes papers of any age
 * @param rules a paper matching any rule is proposed
 */
public record CurationRules(int maxAgeDays, List<CurationRule> rules) {

    public static final CurationRules NONE = new CurationRules(7, List.of());

    public CurationRules {
        rules = List.copyOf(rules);
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("max-age-days must not be negative: " + maxAgeDays);
        }
    }
}
