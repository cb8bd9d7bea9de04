package org.dailypapers.search;

import java.util.Locale;
import java.util.Optional;

/** Orders of a result list. */
public enum SearchSort {
    RELEVANCE,
    DATE,
    UPVOTES;

    public static Optional<SearchSort> parse(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
