package org.dailypapers.ingest;

import org.dailypapers.paper.PaperRecord;

/** Where a format reader delivers what it read. */
interface RecordSink {

    void accept(PaperRecord record);

    void problem(long line, String reason);
}
