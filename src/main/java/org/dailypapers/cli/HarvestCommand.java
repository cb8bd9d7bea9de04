package org.dailypapers.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.ArxivHarvester;
import org.dailypapers.ingest.HarvestListener;
import org.dailypapers.ingest.HarvestRequest;
import org.dailypapers.ingest.HarvestSummary;
import org.dailypapers.ingest.SourceHarvestRequest;
import org.dailypapers.ingest.SourceHarvestSummary;
import org.dailypapers.ingest.SourceHarvester;
import org.dailypapers.paper.Source;
import picocli.CommandLine;
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
            "Ends with one line: harvested=N imported=N updated=N skipped=N pages=N proposed=N.",
            "--source biorxiv|medrxiv|acl|openreview harvests another source instead (bioRxiv/medRxiv details by"
                    + " --from/--until, Anthology --collection files, OpenReview --invitation or --venue-id notes);"
                    + " its line ends with merged=N, the records that joined an arXiv paper of the same work."
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

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            description = "arxiv (default), biorxiv, medrxiv, acl or openreview")
    String source;

    @Option(
            names = "--collection",
            paramLabel = "ID",
            split = ",",
            description = "with --source acl: Anthology collections such as 2024.acl or 2022.findings;"
                    + " default dailypapers.sources.acl-collections")
    List<String> collections = List.of();

    @Option(
            names = "--invitation",
            paramLabel = "INVITATION",
            split = ",",
            description = "with --source openreview: e.g. ICLR.cc/2026/Conference/-/Submission")
    List<String> invitations = List.of();

    @Option(
            names = "--venue-id",
            paramLabel = "VENUE_ID",
            split = ",",
            description = "with --source openreview: notes whose content.venueid is this, e.g. ICLR.cc/2026/Conference")
    List<String> venueIds = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (source != null && !source.equalsIgnoreCase("arxiv")) {
            return harvestSource();
        }
        if (!collections.isEmpty() || !invitations.isEmpty() || !venueIds.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--collection, --invitation and --venue-id need --source acl|openreview");
        }
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

    private Integer harvestSource() {
        Source s = Source.parse(source)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--source must be one of " + Source.names() + ", not '" + source + "'"));
        List<String> all = new java.util.ArrayList<>(invitations);
        venueIds.forEach(v -> all.add("venueid:" + v));
        SourceHarvestRequest request;
        try {
            request = new SourceHarvestRequest(s, from, until, collections, all);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (set != null || metadataPrefix != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--set and --metadata-prefix apply to the arXiv harvest only");
        }
        try (var context = SpringContexts.startOffline()) {
            PrintStream err = System.err;
            SourceHarvestSummary summary;
            try {
                summary = context.getBean(SourceHarvester.class).harvest(request, new HarvestListener() {
                    @Override
                    public void started(String description, int resumedAtPage) {
                        err.println("harvesting " + description
                                + (resumedAtPage > 1 ? ", resuming at page " + resumedAtPage : ""));
                    }

                    @Override
                    public void page(int page, int records, long recordsSoFar, long completeListSize) {
                        String of = completeListSize > 0 ? String.format(" of %,d", completeListSize) : "";
                        err.printf("page %d: %,d records, %,d%s%n", page, records, recordsSoFar, of);
                    }

                    @Override
                    public void problem(String message) {
                        err.println(message);
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!summary.summary().problems().isEmpty()) {
                err.println(summary.summary().problems().size() + " unreadable record(s) skipped, named above");
            }
            System.out.println(summary.line());
            return 0;
        }
    }
}
