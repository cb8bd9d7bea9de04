package org.dailypapers.follow;

import org.dailypapers.paper.ArxivId;

/** A paper a subscriber liked, and how, so that a recommendation can say why it was made. */
public record LikedPaper(ArxivId id, How how) {

    public enum How {
        UPVOTED("that you upvoted"),
        COLLECTED("that you saved to a collection");

        private final String phrase;

        How(String phrase) {
            this.phrase = phrase;
        }

        /** The end of "similar to X ...". */
        public String phrase() {
            return phrase;
        }
    }
}
