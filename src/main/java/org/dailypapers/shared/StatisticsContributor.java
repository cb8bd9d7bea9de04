package org.dailypapers.shared;

import java.util.Map;

/** A module's lines for {@code dailypapers stats}, such as {@code indexed} and {@code embedded}. */
public interface StatisticsContributor {

    Map<String, Long> statistics();

    /** Lines whose value is a word, such as {@code search_backend=lucene}; printed before the counts. */
    default Map<String, String> labels() {
        return Map.of();
    }
}
