package org.dailypapers.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of results.
 *
 * @param totalHits hits of the whole query
 * @param facets counts per facet name ({@code category}, {@code year}) over all hits
 * @param error a message for the user when the query could not be parsed (then there are no hits)
 */
public record SearchResult(
        long totalHits, List<SearchHit> hits, Map<String, List<FacetCount>> facets, @Nullable String error) {

    public static SearchResult error(String message) {
        return new SearchResult(0, List.of(), Map.of(), message);
    }
}
