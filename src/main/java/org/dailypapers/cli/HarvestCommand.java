package org.dailypapers.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.ArxivHarvester;
import org.dailypapers.ingest.HarvestListener;
import org.dailypapers.ingest.HarvestRequest;
import org.dailypapers.ingest.HarvestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        description = {
            "Harvest new and changed papers from arXiv (OAI-PMH) into the catalog; curation rules propose the"
                    + " interesting ones for the daily feed. Progress is stored per page: a harvest that was"
                    + " interrupted continues where it stopped when run again.",
            "Without --from: since the previous harvest of the set (yesterday on the first run).",
            "Ends with one line: harvested=N imported=N updated=N skipped=N pages=N proposed=N."
        })
class HarvestCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first record date (inclusive)")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "last record date (inclusive)")
    LocalDate until;

    @Option(
            names = "--set",
            paramLabel = "SET",
            description = "OAI set such as cs or physics:hep-th; default dailypapers.arxiv.set (cs)")
    String set;

    @Option(
            names = "--metadata-prefix",
            paramLabel = "FORMAT",
            description = "arXivRaw (versions with dates) or arXiv; default dailypapers.arxiv.metadata-prefix")
    String metadataPrefix;

    @Override
    public Integer call() {
        HarvestRequest request = new HarvestRequest(from, until, set, metadataPrefix);
        try (var context = SpringContexts.startOffline()) {
            PrintStream err = System.err;
            HarvestSummary summary = context.getBean(ArxivHarvester.class).harvest(request, new HarvestListener() {
                @Override
                public void started(String description, int resumedAtPage) {
                    err.println("harvesting " + description
                            + (resumedAtPage > 1 ? ", resuming at page " + resumedAtPage : ""));
                }

                @Override
                public void page(int page, int records, long recordsSoFar, long completeListSize) {
                    String of = completeListSize > 0
                            ? String.format(
                                    " of %,d (%d%%)",
                                    completeListSize, Math.min(100, recordsSoFar * 100 / completeListSize))
                            : "";
                    err.printf("page %d: %,d records, %,d%s%n", page, records, recordsSoFar, of);
                }

                @Override
                public void problem(String message) {
                    err.println(message);
                }
            });
            if (!summary.problems().isEmpty()) {
                err.println(summary.problems().size() + " unreadable record(s) skipped, named above");
            }
            System.out.println(summary.line());
            return 0;
        }
    }
}
