package org.dailypapers.search;

import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.Source;
import org.jspecify.annotations.Nullable;

/**
 * A search as the site, the API and feeds ask it.
 *
 * @param query user syntax: words, "phrases", author:, cat:, title:, AND/OR/NOT
 * @param from first submission date, inclusive, or null
 * @param to last submission date, inclusive, or null
 * @param categories arXiv categories or archives to keep (any of them); empty for all
 * @param hasCode keep only papers with a code link
 * @param organization keep only papers of this organisation, or null
 * @param page zero-based page
 * @param size hits per page
 * @param source keep only papers found at this source (a record of theirs is there), or null; every paper of the
 *     catalog is on arXiv, so {@code arxiv} keeps all, as on the daily feed
 * @param venue keep only papers with a record at this venue key ({@code naacl}, {@code iclr}), or null
 */
public record SearchRequest(
        String query,
        SearchMode mode,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<String> categories,
        boolean hasCode,
        @Nullable String organization,
        SearchSort sort,
        int page,
        int size,
        @Nullable Source source,
        @Nullable String venue) {

    public SearchRequest {
        categories = List.copyOf(categories);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    /** A search without source or venue filter. */
    public SearchRequest(
            String query,
            SearchMode mode,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            List<String> categories,
            boolean hasCode,
            @Nullable String organization,
            SearchSort sort,
            int page,
            int size) {
        this(query, mode, from, to, categories, hasCode, organization, sort, page, size, null, null);
    }

    public static SearchRequest simple(String query, SearchMode mode, int size) {
        return new SearchRequest(query, mode, null, null, List.of(), false, null, SearchSort.RELEVANCE, 0, size);
    }
}
