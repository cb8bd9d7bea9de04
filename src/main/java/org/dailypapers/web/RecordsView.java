package org.dailypapers.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /records}: records of other sources by source and venue, with facets.
 *
 * @param next the next page's address, or null on the last page
 */
public record RecordsView(
        PageMeta page,
        @Nullable String source,
        @Nullable String venue,
        long total,
        List<RecordItem> items,
        List<Facet> sources,
        List<Facet> venues,
        @Nullable String next) {

    /** A list item; {@code href} is the record's page, which leads to the arXiv paper's page of a merged work. */
    public record RecordItem(
            String href,
            String title,
            List<String> authors,
            @Nullable String badge,
            String source,
            @Nullable String venueName,
            @Nullable String date) {}

    /** A facet value with its count and the list's address filtered by it. */
    public record Facet(String label, long count, String href) {}
}
