package org.dailypapers.paper;

import java.util.Locale;
import java.util.Optional;

/** Orders of a daily feed. The first two carry Hugging Face's API names. */
public enum DailySort {
    /** Newest submission first. */
    PUBLISHED_AT("publishedAt"),
    /** Upvotes decayed by the age of the submission. */
    TRENDING("trending"),
    /** Most upvoted first. */
    UPVOTES("upvotes");

    private final String apiName;

    DailySort(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<DailySort> fromApiName(String name) {
        for (DailySort s : values()) {
            if (s.apiName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return apiName.toLowerCase(Locale.ROOT);
    }
}
