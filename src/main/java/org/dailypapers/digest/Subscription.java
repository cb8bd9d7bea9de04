package org.dailypapers.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A digest subscription, keyed by email address so that anyone can subscribe; {@code userId} links it to an account
 * once accounts exist.
 *
 * @param trendingCount papers in the trending section, 0 for none
 * @param lastPeriodEnd last feed day covered by a planned mail; saved searches list matches after it
 */
record Subscription(
        String id,
        String email,
        @Nullable String userId,
        Status status,
        Frequency frequency,
        int trendingCount,
        boolean forYou,
        List<String> savedSearches,
        List<String> categories,
        Instant createdAt,
        @Nullable Instant confirmedAt,
        @Nullable LocalDate lastPeriodEnd) {

    static final int MAX_TRENDING = 50;
    static final int MAX_SAVED_SEARCHES = 10;

    Subscription {
        savedSearches = List.copyOf(savedSearches);
        categories = List.copyOf(categories);
    }

    enum Status {
        PENDING,
        ACTIVE,
        PAUSED,
        UNSUBSCRIBED
    }

    enum Frequency {
        DAILY,
        WEEKLY
    }

    /** What a subscriber can choose. */
    record Preferences(
            Frequency frequency,
            int trendingCount,
            boolean forYou,
            List<String> savedSearches,
            List<String> categories) {

        static final Preferences DEFAULT = new Preferences(Frequency.DAILY, 10, true, List.of(), List.of());

        Preferences {
            trendingCount = Math.max(0, Math.min(MAX_TRENDING, trendingCount));
            savedSearches = savedSearches.stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.length() > 200 ? s.substring(0, 200) : s)
                    .distinct()
                    .limit(MAX_SAVED_SEARCHES)
                    .toList();
            categories = categories.stream()
                    .map(String::strip)
                    .filter(c -> c.matches("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?"))
                    .distinct()
                    .limit(20)
                    .toList();
        }
    }

    Preferences preferences() {
        return new Preferences(frequency, trendingCount, forYou, savedSearches, categories);
    }
}
