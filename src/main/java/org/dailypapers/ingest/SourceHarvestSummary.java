package org.dailypapers.ingest;

/**
 * The outcome of a harvest of another source: the OAI-PMH harvest's summary (curation proposes arXiv papers only,
 * so {@code proposed} stays 0) and how many records joined an arXiv paper of the same work.
 */
public record SourceHarvestSummary(HarvestSummary summary, int merged) {

    /** {@code harvested=N imported=N updated=N skipped=N pages=N proposed=0 merged=N} */
    public String line() {
        return summary.line() + " merged=" + merged;
    }
}
