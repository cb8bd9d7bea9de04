package org.dailypapers.summary;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailypapers.search.TextEmbeddings;

/**
 * Throughput of keyword and summary extraction when the papers' vectors exist (as in the server, where the
 * embedding backfill stored them): the vectors are computed first and not timed, then the papers go through the
 * worker's extraction in its batches, with an empty phrase cache as after a start.
 */
public final class SummaryBenchmark {

    /**
     * @param cpuMillisPerPaper process CPU time per paper (all threads): on a busy machine the wall clock says how
     *     much of it this process got, this says what the work costs
     */
    public record Figures(int papers, double seconds, double cpuMillisPerPaper, int cores, long embedded) {

        public double papersPerSecond() {
            return papers / seconds;
        }

        /** What {@code cores} idle cores would give: the CPU cost spread over them. */
        public double papersPerSecondOnIdleCores() {
            return cores * 1000.0 / cpuMillisPerPaper;
        }

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "summaries papers=%d seconds=%.1f papers/s=%.1f cpu-ms/paper=%.1f cores=%d"
                            + " papers/s-on-idle-cores=%.1f texts-embedded=%d",
                    papers,
                    seconds,
                    papersPerSecond(),
                    cpuMillisPerPaper,
                    cores,
                    papersPerSecondOnIdleCores(),
                    embedded);
        }
    }

    private SummaryBenchmark() {}

    public static Figures run(Path hfFolder, int papers, TextEmbeddings embeddings) {
        List<SummaryEvaluation.HfPaper> all = SummaryEvaluation.papers(hfFolder);
        List<SummaryEvaluation.HfPaper> chosen = all.subList(Math.max(0, all.size() - papers), all.size());
        List<Extractor.Input> inputs = new ArrayList<>();
        List<float[]> vectors = embeddings.embedPapers(chosen.stream()
                .map(p -> new TextEmbeddings.PaperText(p.title(), p.abstractText()))
                .toList());
        for (int i = 0; i < chosen.size(); i++) {
            SummaryEvaluation.HfPaper p = chosen.get(i);
            inputs.add(new Extractor.Input(p.id(), p.title(), p.abstractText(), vectors.get(i)));
        }
        long[] embedded = {0};
        TextEmbeddings counting = new TextEmbeddings() {
            @Override
            public String modelId() {
                return embeddings.modelId();
            }

            @Override
            public List<float[]> embed(List<String> passages) {
                embedded[0] += passages.size();
                return embeddings.embed(passages);
            }

            @Override
            public List<float[]> embedPapers(List<PaperText> texts) {
                return embeddings.embedPapers(texts);
            }

            @Override
            public java.util.Map<String, float[]> storedPaperVectors(
                    java.util.Collection<org.dailypapers.paper.Paper> p) {
                return embeddings.storedPaperVectors(p);
            }
        };
        Extractor extractor = new Extractor(counting, Extractor.Settings.DEFAULT, 10_000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int batch = 64;
        for (int i = 0; i < inputs.size(); i += batch) {
            extractor.extract(inputs.subList(i, Math.min(inputs.size(), i + batch)));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMillis = (os.getProcessCpuTime() - cpu0) / 1e6;
        return new Figures(
                inputs.size(),
                seconds,
                cpuMillis / inputs.size(),
                Runtime.getRuntime().availableProcessors(),
                embedded[0]);
    }
}
