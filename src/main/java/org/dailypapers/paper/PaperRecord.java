package org.dailypapers.paper;

import org.jspecify.annotations.Nullable;

/** One unit of input for {@link PaperCatalog#upsert}: a paper and, when the source had one, its daily entry. */
public record PaperRecord(Paper paper, @Nullable DailyEntry dailyEntry) {

    public PaperRecord {
        if (dailyEntry != null && !dailyEntry.paperId().equals(paper.id())) {
            throw new IllegalArgumentException(
                    "daily entry " + dailyEntry.paperId() + " does not belong to paper " + paper.id());
        }
    }

    public static PaperRecord of(Paper paper) {
        return new PaperRecord(paper, null);
    }
}
