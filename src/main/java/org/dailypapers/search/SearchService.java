package org.dailypapers.search;

import java.util.List;
import org.dailypapers.paper.ArxivId;

/** The search module's facade; implemented over Lucene now, over Elasticsearch later. */
public interface SearchService {

    /**
     * A full answer: the page of hits with highlighted titles and snippets, the total and the facets. Never throws
     * for the reader's words: what cannot run cheaply comes back with {@link SearchResult#error()} set.
     *
     * @throws org.dailypapers.shared.OverloadedException when the server has more searches than it can start soon
     */
    SearchResult search(SearchRequest request);

    /**
     * The same parsing and ranking as {@link #search}, without the facets and snippets that a plain list of hits
     * does not show (Hugging Face's search API, evaluation, benchmarks). Its total counts at least the hits given.
     */
    default SearchResult rank(SearchRequest request) {
        return search(request);
    }

    /** Papers most similar to a paper of the catalog (the paper itself left out). */
    List<SearchHit> similarTo(ArxivId id, int limit);

    /** Papers most similar to pasted text: a title or a whole abstract. */
    List<SearchHit> similarToText(String text, int limit);
}
