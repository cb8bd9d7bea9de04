package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dailypapers.cite.CatalogExport;
import org.dailypapers.cite.CitationFormat;
import org.dailypapers.ingest.PaperImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the catalog in the dailypapers format (JSON lines; gzip when FILE ends in .gz), or as"
                + " BibTeX or RIS for reference managers.")
class ExportCommand implements Callable<Integer> {

    /** What {@code --format} takes; the citation formats are the cite module's. */
    enum Format {
        dailypapers,
        bibtex,
        ris
    }

    @Parameters(paramLabel = "FILE")
    Path target;

    @Option(names = "--daily-only", description = "only papers that are on a daily feed")
    boolean dailyOnly;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "dailypapers",
            description = "dailypapers (default, re-importable), bibtex or ris")
    Format format;

    @Override
    public Integer call() {
        try (var context = SpringContexts.startOffline()) {
            long n = format == Format.dailypapers
                    ? context.getBean(PaperImporter.class).export(target, dailyOnly)
                    : context.getBean(CatalogExport.class)
                            .write(CitationFormat.parse(format.name()).orElseThrow(), target, dailyOnly);
            System.out.println("exported=" + n);
            return 0;
        }
    }
}
