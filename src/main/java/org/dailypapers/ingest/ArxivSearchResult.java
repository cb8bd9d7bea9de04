package org.dailypapers.ingest;

import java.util.List;
import org.dailypapers.paper.Paper;

/**
 * One page of an arXiv API search.
 *
 * @param totalResults matches of the whole query on arXiv
 * @param startIndex offset of the first paper of this page
 */
public record ArxivSearchResult(long totalResults, int startIndex, List<Paper> papers) {

    public ArxivSearchResult {
        papers = List.copyOf(papers);
    }
}
