package org.dailypapers.ingest;

import java.util.List;

/**
 * The outcome of one harvest run.
 *
 * @param harvested records read from arXiv in this run
 * @param imported papers new to the catalog
 * @param updated papers (or their daily entries) that changed
 * @param skipped records that changed nothing, unreadable records included
 * @param pages pages fetched and committed in this run
 * @param proposed papers curation put on the daily feed
 * @param resumedAtPage the page this run started at, 1 unless it continued an interrupted harvest
 * @param problems unreadable records, each naming URL, line and identifier
 */
public record HarvestSummary(
        int harvested,
        int imported,
        int updated,
        int skipped,
        int pages,
        int proposed,
        int resumedAtPage,
        List<String> problems) {

    public HarvestSummary {
        problems = List.copyOf(problems);
    }

    /** The summary line every harvest ends with. */
    public String line() {
        return "harvested=" + harvested + " imported=" + imported + " updated=" + updated + " skipped=" + skipped
                + " pages=" + pages + " proposed=" + proposed;
    }
}
