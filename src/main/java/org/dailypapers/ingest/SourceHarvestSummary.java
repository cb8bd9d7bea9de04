package org.dailypapers.ingest;

/**
 * The outcome of a harvest of another source: the OAI-PMH harvest's summary ({@code proposed}: arXiv papers that
 * curation rules by source, venue or decision put on the feed) and how many records joined an arXiv paper of the
 * same work.
 */
public record SourceHarvestSummary(HarvestSummary summary, int merged) {

    /** {@code harvested=N imported=N updated=N skipped=N pages=N proposed=N merged=N} */
    public String line() {
        return summary.line() + " merged=" + merged;
    }
}
