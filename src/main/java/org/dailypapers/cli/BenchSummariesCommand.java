package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dailypapers.search.TextEmbeddings;
import org.dailypapers.summary.SummaryBenchmark;
import org.dailypapers.summary.SummaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "summaries",
        mixinStandardHelpOptions = true,
        description = {
            "Keyword and summary extraction throughput when the papers' vectors exist (they are computed first, not"
                    + " timed), on the last papers of the shared hf-daily-papers data set.",
            "Prints: summaries papers=N seconds=S papers/s=X cpu-ms/paper=C cores=K papers/s-on-idle-cores=Y"
                    + " texts-embedded=T"
        })
class BenchSummariesCommand implements Callable<Integer> {

    @Option(names = "--papers", defaultValue = "1000", description = "papers to extract (default: ${DEFAULT-VALUE})")
    int papers;

    @Option(names = "--hf-data", paramLabel = "DIR", description = "folder of /api/daily_papers responses")
    Path hfData;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = hfData != null ? hfData : SummaryEvaluation.defaultFolder();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "--hf-data: no hf-daily-papers folder found");
        }
        try (TextEmbeddings.Standalone embeddings = TextEmbeddings.standalone()) {
            System.out.println(SummaryBenchmark.run(folder, papers, embeddings).line());
        }
        return 0;
    }
}
