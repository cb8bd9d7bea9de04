package org.dailypapers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.WorkMatcher;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the one-work-one-paper matcher on a labelled set of pairs: venue records (the recorded ICLR 2026
 * submissions and NAACL 2025 papers) against the 74,728 recorded arXiv cs papers. Each labelled record's gold is the
 * set of arXiv papers labelled {@code same}; the matcher's answer for the record is one arXiv paper or none. A
 * correct answer is a true positive, any other answer a false positive, no or a wrong answer for a record with gold
 * a false negative.
 */
public final class DedupEvaluation {

    /** The figures, and the labelled pairs the matcher got wrong, for a reader to look at. */
    public record Figures(
            int pairs, int records, int truePositives, int falsePositives, int falseNegatives, List<String> errors) {

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? 1.0 : (double) truePositives / gold;
        }

        /** {@code dedup pairs=N precision=0.xxxx recall=0.xxxx} */
        public String line() {
            return String.format(
                    Locale.ROOT, "dedup pairs=%d precision=%.4f recall=%.4f", pairs, precision(), recall());
        }
    }

    private record Label(String record, String arxiv, boolean same) {}

    private DedupEvaluation() {}

    /** The labelled set committed with the sources, found by walking up from the working folder; null if none. */
    public static @Nullable Path defaultLabels() {
        return walkUp("src/test/resources/dedup/labelled-pairs.tsv");
    }

    /** The shared data folder above the working folder; null if none. */
    public static @Nullable Path defaultData() {
        return walkUp("shared/data");
    }

    private static @Nullable Path walkUp(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    public static Figures run(Path data, Path labelsFile) {
        List<Label> labels = labels(labelsFile);
        WorkMatcher matcher = new WorkMatcher();
        Path arxiv = data.resolve("arxiv-daily-cs/all_unique_papers_2025-03-18_to_2026-07-01.jsonl.gz");
        try (InputStream in = Files.newInputStream(arxiv)) {
            new RecordReader(JsonMapper.builder().build()).read(arxiv.toString(), in, new RecordSink() {
                @Override
                public void accept(PaperRecord record) {
                    matcher.add(WorkMatcher.Candidate.of(record.paper()));
                }

                @Override
                public void problem(long line, String reason) {
                    throw new IllegalArgumentException(arxiv + ":" + line + ": " + reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(arxiv + ": " + e.getMessage(), e);
        }
        Map<String, SourceRecord> records = new HashMap<>();
        Path notes = data.resolve("openreview-api/iclr2026-submissions-api2/paper_info_api_response.json");
        OpenReviewFormat.parse(notes.toString(), read(notes)).records().forEach(r -> records.put(r.id().key(), r));
        Path naacl = data.resolve("acl-anthology/2025.naacl.xml");
        AclAnthologyFormat.parse(naacl.toString(), read(naacl)).records().forEach(r -> records.put(r.id().key(), r));

        Map<String, Set<String>> gold = new LinkedHashMap<>();
        for (Label l : labels) {
            if (!records.containsKey(l.record())) {
                throw new IllegalArgumentException(labelsFile + ": record " + l.record() + " is in neither "
                        + notes.getFileName() + " nor " + naacl.getFileName());
            }
            Set<String> g = gold.computeIfAbsent(l.record(), k -> new HashSet<>());
            if (l.same()) {
                g.add(l.arxiv());
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> errors = new ArrayList<>();
        for (var e : gold.entrySet()) {
            SourceRecord r = records.get(e.getKey());
            Optional<WorkMatcher.Match> m = matcher.match(r, Set.of());
            String got = m.map(x -> x.paperId().id()).orElse(null);
            if (got != null && e.getValue().contains(got)) {
                tp++;
            } else {
                if (got != null) {
                    fp++;
                    errors.add("wrong merge: " + e.getKey() + " -> " + got + " (" + r.title() + ")");
                }
                if (!e.getValue().isEmpty()) {
                    fn++;
                    errors.add("missed: " + e.getKey() + " = " + e.getValue() + " (" + r.title() + ")");
                }
            }
        }
        return new Figures(labels.size(), gold.size(), tp, fp, fn, errors);
    }

    /** {@code record<TAB>arxiv<TAB>same|different<TAB>how}, {@code #} comments; bad lines name file and line. */
    private static List<Label> labels(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        List<Label> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3 || !(f[2].equals("same") || f[2].equals("different"))) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": expected record, arXiv id and same|different separated by tabs");
            }
            result.add(new Label(f[0], f[1], f[2].equals("same")));
        }
        return result;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
