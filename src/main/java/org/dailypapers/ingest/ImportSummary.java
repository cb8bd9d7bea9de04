package org.dailypapers.ingest;

import java.util.List;

/**
 * The outcome of an import.
 *
 * @param imported papers new to the catalog
 * @param updated papers (or their daily entries) that changed
 * @param skipped records that changed nothing, malformed records included
 * @param malformed records that could not be read
 * @param recordsRead records read successfully, whatever their effect
 * @param problems the first problems found, each naming file and line
 */
public record ImportSummary(
        int imported, int updated, int skipped, int malformed, long recordsRead, List<ImportProblem> problems) {

    /** The summary line every import ends with. */
    public String line() {
        return "imported=" + imported + " updated=" + updated + " skipped=" + skipped;
    }

    /** Nothing at all could be read: the only case the CLI reports as failure. */
    public boolean nothingRead() {
        return recordsRead == 0 && (malformed > 0 || !problems.isEmpty());
    }
}
