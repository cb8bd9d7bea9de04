package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.search.SearchMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import paper files into the catalog. The format is detected: Kaggle arXiv snapshot (JSON lines),"
                    + " arXiv daily listings (JSON lines), Hugging Face daily_papers responses (JSON array),"
                    + " dailypapers export. Plain or .gz.",
            "Ends with one line: imported=N updated=N skipped=N. Bad records are named by file:line; records"
                    + " larger than dailypapers.import.max-record-size (1MB) are skipped; UTF-16/32 files are read"
                    + " by their byte-order mark; values of the wrong type are read with a warning.",
            "",
            "Exit codes:",
            "  0  every record was read",
            "  1  nothing could be read (no such file, empty file, unrecognised format)",
            "  2  part of the input failed (malformed records, a truncated .gz): the rest was imported"
        })
class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                System.err.println(f + ": no such readable file");
            }
        }
        try (var context = SpringContexts.startOffline()) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            ImportSummary summary;
            // The search index follows the catalog on the other core, so the papers are searchable at the end.
            try (var following = context.getBean(SearchMaintenance.class).followCatalog()) {
                summary = context.getBean(PaperImporter.class).importFiles(files, progress);
                progress.finish();
            } catch (RuntimeException e) {
                // The import itself has been committed; only the index lags, and a server start catches it up.
                System.err.println("the catalog is imported, but the search index is not up to date: " + e.getMessage()
                        + " (the server catches up when it starts)");
                return 2;
            }
            if (summary.malformed() > 0) {
                System.err.println(summary.malformed() + " malformed record(s) skipped, named above");
            }
            if (summary.warnings() > 0) {
                System.err.println(summary.warnings() + " record(s) read with values of the wrong type, named above");
            }
            System.out.println(summary.line());
            return summary.exitCode();
        }
    }
}
