package org.dailypapers.ingest;

/** Hears how an import goes, for progress bars and logs. */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {};

    /** Called now and then with the compressed bytes consumed of all files and their total size. */
    default void progress(long bytesRead, long bytesTotal, long records) {}

    default void problem(ImportProblem problem) {}
}
