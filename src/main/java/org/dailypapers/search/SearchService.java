package org.dailypapers.search;

import java.util.List;
import org.dailypapers.paper.ArxivId;

/** The search module's facade; implemented over Lucene now, over Elasticsearch later. */
public interface SearchService {

    /** Never throws for bad user syntax: such a query comes back with {@link SearchResult#error()} set. */
    SearchResult search(SearchRequest request);

    /** Papers most similar to a paper of the catalog (the paper itself left out). */
    List<SearchHit> similarTo(ArxivId id, int limit);

    /** Papers most similar to pasted text: a title or a whole abstract. */
    List<SearchHit> similarToText(String text, int limit);
}
