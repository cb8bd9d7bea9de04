package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import paper files into the catalog. The format is detected: Kaggle arXiv snapshot (JSON lines),"
                    + " arXiv daily listings (JSON lines), Hugging Face daily_papers responses (JSON array),"
                    + " dailypapers export. Plain or .gz.",
            "Ends with one line: imported=N updated=N skipped=N. Exits non-zero only when nothing could be read."
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
            ImportSummary summary = context.getBean(PaperImporter.class).importFiles(files, progress);
            progress.finish();
            if (summary.malformed() > 0) {
                System.err.println(summary.malformed() + " malformed record(s) skipped, named above");
            }
            System.out.println(summary.line());
            return summary.nothingRead() ? 1 : 0;
        }
    }
}
