package org.dailypapers.search;

import java.util.Locale;
import java.util.Optional;

/** How a query is answered: keywords, meaning, or both fused. */
public enum SearchMode {
    BM25,
    DENSE,
    HYBRID;

    public static Optional<SearchMode> parse(String name) {
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
