package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.PaperImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the catalog in the dailypapers format (JSON lines; gzip when FILE ends in .gz).")
class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path target;

    @Option(names = "--daily-only", description = "only papers that are on a daily feed")
    boolean dailyOnly;

    @Override
    public Integer call() {
        try (var context = SpringContexts.startOffline()) {
            long n = context.getBean(PaperImporter.class).export(target, dailyOnly);
            System.out.println("exported=" + n);
            return 0;
        }
    }
}
