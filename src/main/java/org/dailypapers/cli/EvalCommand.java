package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.TextEmbeddings;
import org.dailypapers.search.evaluation.BeirEvaluation;
import org.dailypapers.summary.SummaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Measure search quality on a BEIR-format data set (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv): the"
                    + " corpus goes through the product's indexing and search code into a temporary index.",
            "Prints one line per mode: MODE nDCG@10=0.xxxx Recall@100=0.xxxx",
            "With --recommendations: the replay evaluation of \"For you\" on the 2025 Hugging Face daily entries,"
                    + " three lines: recommendations METHOD users=N Recall@20=0.xxxx nDCG@20=0.xxxx",
            "With --summaries: our keywords and one-sentence summaries against Hugging Face's ai_keywords and"
                    + " ai_summary (shared data set hf-daily-papers), next to the tfidf and first-sentence baselines."
        })
class EvalCommand implements Callable<Integer> {

    enum ModeOption {
        bm25,
        dense,
        hybrid,
        all
    }

    @Option(names = "--beir", paramLabel = "DIR", description = "the data set's folder")
    Path dataset;

    @Option(
            names = "--recommendations",
            description = "replay the Hugging Face daily entries' submitters as readers and measure \"For you\"")
    boolean recommendations;

    @Option(
            names = "--summaries",
            description = "evaluate keywords and summaries against Hugging Face's instead of search quality")
    boolean summaries;

    @Option(
            names = "--hf-data",
            paramLabel = "DIR",
            description = "folder of Hugging Face daily_papers responses (default: the shared hf-daily-papers data)")
    Path hfData;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "keep the replay's catalog and vectors in DIR between runs (default: a temporary folder)")
    Path work;

    @Option(
            names = "--limit",
            defaultValue = "0",
            paramLabel = "N",
            description = "with --summaries: only the first N papers of the data set (0: all)")
    int limit;

    @Option(
            names = "--tune",
            hidden = true,
            split = ";",
            paramLabel = "SETTINGS",
            description = "with --summaries: try these extraction settings (for tuning; see SummaryEvaluation)")
    List<String> tune;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--split",
            defaultValue = "test",
            description = "qrels file to judge by (default: ${DEFAULT-VALUE})")
    String split;

    @Option(
            names = "--mode",
            defaultValue = "all",
            description = "bm25, dense, hybrid or all (default: ${DEFAULT-VALUE})")
    ModeOption mode;

    @Option(
            names = "--vector-cache",
            paramLabel = "FILE",
            description = "keep corpus vectors in FILE between runs (keyed by model and text)")
    Path vectorCache;

    @Option(
            names = "--fusion",
            description = "hybrid fusion: score (min-max, the product's default) or rrf, to compare them")
    String fusion;

    @Option(
            names = "--backend",
            defaultValue = "lucene",
            description = "lucene (an in-memory index) or elasticsearch (an index made and dropped on the cluster of"
                    + " DAILYPAPERS_ES_URIS, default http://127.0.0.1:9200) (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(
            names = "--vector-format",
            description = "how the embedded index holds vectors: float, int8, int4 or bbq (default: the setting"
                    + " dailypapers.search.vector-format, int8)")
    String vectorFormat;

    @Option(
            names = "--es-vector-index",
            defaultValue = "bbq_hnsw",
            description = "dense_vector index type on Elasticsearch: hnsw, int8_hnsw, int4_hnsw or bbq_hnsw"
                    + " (default: ${DEFAULT-VALUE})")
    String vectorIndex;

    @Option(
            names = "--dedup",
            description = "precision and recall of the one-work-one-paper matcher on the labelled pairs"
                    + " (src/test/resources/dedup/labelled-pairs.tsv) over the shared arXiv, ICLR and NAACL data")
    boolean dedup;

    @Option(names = "--labels", paramLabel = "FILE", description = "with --dedup: another labelled set")
    Path labels;

    @Option(names = "--data", paramLabel = "DIR", description = "with --dedup: the shared data folder")
    Path data;

    @Option(names = "--verbose", description = "with --dedup: list the pairs the matcher got wrong")
    boolean verbose;

    @Override
    public Integer call() {
        if (dedup) {
            Path l = labels != null ? labels : org.dailypapers.ingest.DedupEvaluation.defaultLabels();
            Path d = data != null ? data : org.dailypapers.ingest.DedupEvaluation.defaultData();
            if (l == null || !java.nio.file.Files.isRegularFile(l)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--labels: no labelled set " + (l == null ? "found" : l));
            }
            if (d == null || !java.nio.file.Files.isDirectory(d)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--data: no shared/data folder " + (d == null ? "found" : d));
            }
            var figures = org.dailypapers.ingest.DedupEvaluation.run(d, l);
            if (verbose) {
                figures.errors().forEach(System.err::println);
            }
            System.out.println(figures.line());
            return 0;
        }
        if (recommendations) {
            return RecommendationsEval.run(hfData, work);
        }
        if (summaries) {
            return evaluateSummaries();
        }
        if (dataset == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "Missing required option: '--beir=DIR' (or --recommendations, --summaries, --dedup)");
        }
        if (!backend.equals("lucene") && !backend.equals("elasticsearch")) {
            throw new IllegalArgumentException("--backend must be lucene or elasticsearch, not '" + backend + "'");
        }
        List<SearchMode> modes = mode == ModeOption.all
                ? List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID)
                : List.of(SearchMode.parse(mode.name()).orElseThrow());
        ConsoleBar bar = new ConsoleBar(System.err, "embedding corpus");
        BeirEvaluation evaluation =
                fusion == null ? new BeirEvaluation(dataset, split) : new BeirEvaluation(dataset, split, fusion);
        if (vectorFormat != null) {
            evaluation.withVectorFormat(vectorFormat);
        }
        if (backend.equals("elasticsearch")) {
            evaluation.onElasticsearch(System.getenv("DAILYPAPERS_ES_URIS"), vectorIndex);
        }
        List<BeirEvaluation.Figures> figures = evaluation.run(modes, vectorCache, bar::update);
        bar.finish();
        figures.forEach(f -> System.out.println(f.line()));
        return 0;
    }

    private Integer evaluateSummaries() {
        Path folder = hfData != null ? hfData : SummaryEvaluation.defaultFolder();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    folder == null
                            ? "--hf-data: no shared/data/hf-daily-papers above "
                                    + Path.of("").toAbsolutePath()
                            : "--hf-data: " + folder + " is not a folder");
        }
        ConsoleBar bar = new ConsoleBar(System.err, "keywords and summaries");
        List<String> lines;
        try (TextEmbeddings.Standalone embeddings = TextEmbeddings.standalone()) {
            if (tune != null && !tune.isEmpty()) {
                new SummaryEvaluation(folder).tune(embeddings, vectorCache, limit, tune, System.out);
                return 0;
            }
            lines = new SummaryEvaluation(folder).run(embeddings, vectorCache, limit, bar::update);
        }
        bar.finish();
        lines.forEach(System.out::println);
        return 0;
    }
}
