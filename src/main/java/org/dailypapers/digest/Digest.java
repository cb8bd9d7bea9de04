package org.dailypapers.digest;

import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * A composed digest before rendering.
 *
 * @param period the outbox key: {@code day:2025-12-31} or {@code week:2025-W52}
 * @param from first feed day covered
 * @param to last feed day covered
 */
record Digest(String period, LocalDate from, LocalDate to, Subscription.Frequency frequency, List<Section> sections) {

    record Section(String heading, @Nullable String intro, List<Item> items) {}

    /** @param reason why a recommendation was made, or null */
    record Item(Paper paper, @Nullable String reason) {}

    int paperCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }
}
