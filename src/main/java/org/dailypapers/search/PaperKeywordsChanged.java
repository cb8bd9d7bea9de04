package org.dailypapers.search;

import java.util.List;

/** Published when papers got new keywords (see {@link PaperKeywords}); the index rewrites their documents. */
public record PaperKeywordsChanged(List<String> paperIds) {

    public PaperKeywordsChanged {
        paperIds = List.copyOf(paperIds);
    }
}
