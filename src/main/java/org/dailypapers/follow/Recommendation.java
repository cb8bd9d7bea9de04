package org.dailypapers.follow;

import java.util.List;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * A paper recommended to a reader, with why.
 *
 * @param score the ranking's score, comparable within one list only
 * @param reasons the strongest first; never empty
 */
public record Recommendation(Paper paper, @Nullable DailyEntry entry, double score, List<Reason> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a recommendation needs a reason");
        }
    }

    public Reason reason() {
        return reasons.getFirst();
    }

    /**
     * One reason.
     *
     * @param text a sentence to show: "Similar to “X” that you upvoted", "By Y, whom you follow", "Matches your
     *     search “Z”"
     * @param href the page of what the reason names (the liked paper, the followed author ...), or null
     */
    public record Reason(Kind kind, String text, @Nullable String href) {}

    public enum Kind {
        /** Close to a paper the reader upvoted or collected. */
        SIMILAR("similar"),
        /** Shares an author with a paper the reader upvoted or collected. */
        SAME_AUTHOR("same-author"),
        /** Matches something the reader follows (not a search). */
        FOLLOW("follow"),
        /** Matches a saved search the reader follows. */
        SEARCH("search");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }
}
