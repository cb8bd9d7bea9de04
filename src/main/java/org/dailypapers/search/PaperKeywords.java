package org.dailypapers.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the index gets the key phrases of papers, for the {@code keyword:} filter and the keyword facet. Another
 * module implements it (the summary module, which depends on this one); without an implementation papers have none.
 * Tell the index that keywords changed with {@link PaperKeywordsChanged}.
 */
public interface PaperKeywords {

    /** Keywords of the given papers, keyed by {@code ArxivId.id()}; papers without any are absent. */
    Map<String, List<String>> keywordsOf(Collection<String> paperIds);
}
