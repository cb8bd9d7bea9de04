package org.dailypapers.ingest;

import org.dailypapers.paper.PaperRecord;

/** Where a format reader delivers what it read. */
interface RecordSink {

    void accept(PaperRecord record);

    void problem(long line, String reason);

    /** A record that was read, but with a value of the wrong type made to fit ("title": 42 read as "42"). */
    default void warning(long line, String message) {}

    /** Hugging Face's ai_summary and ai_keywords of a paper just accepted, where the source had them. */
    default void summary(org.dailypapers.summary.ImportedSummary summary) {}
}
