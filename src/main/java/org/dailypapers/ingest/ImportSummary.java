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
 * @param problems the first problems found, each naming file and line (warnings among them)
 * @param warnings records read with a value of the wrong type made to fit
 */
public record ImportSummary(
        int imported,
        int updated,
        int skipped,
        int malformed,
        long recordsRead,
        List<ImportProblem> problems,
        int warnings) {

    public ImportSummary(
            int imported, int updated, int skipped, int malformed, long recordsRead, List<ImportProblem> problems) {
        this(imported, updated, skipped, malformed, recordsRead, problems, 0);
    }

    /** The summary line every import ends with. */
    public String line() {
        return "imported=" + imported + " updated=" + updated + " skipped=" + skipped;
    }

    /** Nothing at all could be read: exit code 1. */
    public boolean nothingRead() {
        return recordsRead == 0 && (malformed > 0 || problems.stream().anyMatch(p -> !p.warning()));
    }

    /** Some records or files could not be read (a malformed record, a truncated file): exit code 2. */
    public boolean partlyFailed() {
        return malformed > 0 || problems.stream().anyMatch(p -> !p.warning());
    }

    /** The import command's exit status: 0 every record read, 1 nothing could be, 2 part of the input failed. */
    public int exitCode() {
        return nothingRead() ? 1 : partlyFailed() ? 2 : 0;
    }
}
