package org.dailypapers.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.TextEmbeddings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our keywords and summaries against Hugging Face's {@code ai_keywords} and {@code ai_summary}, for the papers of a
 * folder of {@code /api/daily_papers} responses (the shared data set {@code hf-daily-papers}): ours are computed
 * from title and abstract only, never from the stored values, next to two baselines, the top TF-IDF candidates
 * (document frequencies over the same papers) and the abstract's first sentence.
 */
public final class SummaryEvaluation {

    /** Papers embedded and extracted per call, as the background worker does. */
    private static final int BATCH = 64;

    /** A paper of the data set with Hugging Face's values. */
    record HfPaper(String id, String title, String abstractText, List<String> keywords, @Nullable String summary) {}

    private final Path folder;
    private final Extractor.Settings settings;

    public SummaryEvaluation(Path folder) {
        this(folder, Extractor.Settings.DEFAULT);
    }

    SummaryEvaluation(Path folder, Extractor.Settings settings) {
        this.folder = folder;
        this.settings = settings;
    }

    /** The printed lines: keywords ours, keywords tfidf, summary ours, summary first-sentence. */
    public List<String> run(
            TextEmbeddings embeddings, @Nullable Path vectorCache, int limit, ProgressListener progress) {
        List<HfPaper> papers = papers(folder);
        if (limit > 0 && limit < papers.size()) {
            papers = papers.subList(0, limit);
        }
        CachedEmbeddings cached = new CachedEmbeddings(embeddings, vectorCache);
        try {
            return run(papers, cached, (done, total) -> {
                cached.save();
                progress.progress(done, total);
            });
        } finally {
            cached.save();
        }
    }

    /**
     * Tries each settings on the same papers (vectors are computed once and kept in memory) and prints each one's
     * lines: for tuning, on a part of the data set.
     */
    public void tune(
            TextEmbeddings embeddings,
            @Nullable Path vectorCache,
            int limit,
            List<String> grid,
            java.io.PrintStream out) {
        List<HfPaper> papers = papers(folder);
        if (limit > 0 && limit < papers.size()) {
            papers = papers.subList(0, limit);
        }
        CachedEmbeddings cached = new CachedEmbeddings(embeddings, vectorCache);
        for (String spec : grid) {
            String[] f = spec.split(",");
            Extractor.Settings s = new Extractor.Settings(
                    Integer.parseInt(f[0]),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Boolean.parseBoolean(f[7]));
            List<String> lines = new SummaryEvaluation(folder, s).run(papers, cached, (d, t) -> cached.save());
            out.println(spec);
            lines.forEach(l -> out.println("  " + l));
        }
        cached.save();
    }

    List<String> run(List<HfPaper> papers, TextEmbeddings embeddings, ProgressListener progress) {
        Extractor extractor = new Extractor(embeddings, settings, 200_000);
        Map<String, Extractor.Output> ours = new HashMap<>();
        for (int i = 0; i < papers.size(); i += BATCH) {
            List<HfPaper> batch = papers.subList(i, Math.min(papers.size(), i + BATCH));
            List<float[]> vectors = embeddings.embedPapers(batch.stream()
                    .map(p -> new TextEmbeddings.PaperText(p.title(), p.abstractText()))
                    .toList());
            List<Extractor.Input> inputs = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                HfPaper p = batch.get(k);
                inputs.add(new Extractor.Input(p.id(), p.title(), p.abstractText(), vectors.get(k)));
            }
            extractor.extract(inputs).forEach(o -> ours.put(o.id(), o));
            progress.progress(Math.min(papers.size(), i + BATCH), papers.size());
        }
        TfidfKeywords tfidf = new TfidfKeywords(papers.stream()
                .map(p -> new String[] {p.title(), p.abstractText()})
                .toList());
        KeywordMetrics oursKeywords = new KeywordMetrics();
        KeywordMetrics tfidfKeywords = new KeywordMetrics();
        Rouge oursSummary = new Rouge();
        Rouge firstSentence = new Rouge();
        for (HfPaper p : papers) {
            Extractor.Output o = ours.get(p.id());
            if (!p.keywords().isEmpty()) {
                oursKeywords.add(o.keywords(), p.keywords());
                tfidfKeywords.add(tfidf.top(p.title(), p.abstractText(), 10), p.keywords());
            }
            if (p.summary() != null) {
                oursSummary.add(o.summary() == null ? "" : o.summary(), p.summary());
                List<String> sentences = TextTokens.sentences(p.abstractText());
                firstSentence.add(sentences.isEmpty() ? "" : sentences.getFirst(), p.summary());
            }
        }
        return List.of(
                oursKeywords.line("ours"),
                tfidfKeywords.line("tfidf"),
                oursSummary.line("ours"),
                firstSentence.line("first-sentence"));
    }

    /** The papers that have Hugging Face keywords or a summary, each once (the first file that holds it). */
    static List<HfPaper> papers(Path folder) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, HfPaper> byId = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no .json files of /api/daily_papers responses");
        }
        for (Path f : files) {
            JsonNode root = json.readTree(f.toFile());
            if (!root.isArray()) {
                throw new IllegalArgumentException(f + ": not a JSON array of daily-paper entries");
            }
            for (JsonNode entry : root) {
                JsonNode p = entry.path("paper");
                String id = p.path("id").asString("");
                if (id.isEmpty() || byId.containsKey(id)) {
                    continue;
                }
                List<String> keywords = new ArrayList<>();
                for (JsonNode k : p.path("ai_keywords")) {
                    if (k.isString() && !k.asString().isBlank()) {
                        keywords.add(k.asString().strip());
                    }
                }
                String summary =
                        p.path("ai_summary").isString() ? p.path("ai_summary").asString() : null;
                if (summary != null && summary.isBlank()) {
                    summary = null;
                }
                if (keywords.isEmpty() && summary == null) {
                    continue;
                }
                String title =
                        p.path("title").asString("").replaceAll("\\s+", " ").strip();
                String abstractText =
                        p.path("summary").asString("").replaceAll("\\s+", " ").strip();
                byId.put(id, new HfPaper(id, title, abstractText, keywords, summary));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The shared data set's folder, found above the working folder as tests find it, or null. */
    public static @Nullable Path defaultFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/hf-daily-papers/Paper_metadata_download");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
