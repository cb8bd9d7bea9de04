package org.dailypapers.ingest;

/** Hears how a harvest goes, for the command line's progress and the server's log. */
public interface HarvestListener {

    HarvestListener NONE = new HarvestListener() {};

    /** Before the first request: where the harvest starts ({@code resumedAtPage} > 1 after an interruption). */
    default void started(String description, int resumedAtPage) {}

    /**
     * After each committed page.
     *
     * @param recordsSoFar records of this harvest committed so far, earlier runs included
     * @param completeListSize arXiv's count of the whole list, or -1 when it did not say
     */
    default void page(int page, int records, long recordsSoFar, long completeListSize) {}

    /** An unreadable record (skipped) or a note such as a restart after an expired resumption token. */
    default void problem(String message) {}
}
