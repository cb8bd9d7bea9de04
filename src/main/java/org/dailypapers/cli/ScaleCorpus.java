package org.dailypapers.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.search.evaluation.ScaleBenchmark;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catalogs of any size made from the real arXiv records, for {@code bench scale}. Paper {@code j} has the id
 * {@code 9MMM.NNNNN} in the months 2090-01 onwards, which no real paper has (arXiv's new-style ids began in 2007).
 * Its source is record {@code j mod R} of the R real ones. The first copy of a record is that record as it is; a
 * later copy joins the first half of its title and abstract with the second half of another record's (so the
 * vocabulary, lengths and term frequencies stay those of real abstracts, not of repeated ones) and is dated back by
 * half a year per copy (within twenty years), so that millions of papers spread over the years as arXiv's do. Its vector is derived from
 * the real bge embeddings of both records' titles: their normalised sum plus a little noise, so neighbourhoods in the
 * vector space are those of real papers and never random.
 *
 * <p>Written in the Kaggle snapshot format, the format a whole-arXiv import reads.
 */
final class ScaleCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);
    private static final int IDS_PER_MONTH = 99_999;
    /** Standard deviation of the noise added per dimension, before renormalising: cosine ~0.99 to the source. */
    private static final double NOISE = 0.005;

    record Source(String title, String abstractText, List<String> authors, String categories, LocalDate day) {}

    private final List<Source> sources;

    private ScaleCorpus(List<Source> sources) {
        this.sources = sources;
    }

    /**
     * The real records of {@code file} (arXiv daily listings, JSON lines), in a fixed shuffled order; only the
     * first {@code limit} of them when it is above 0.
     */
    static ScaleCorpus read(Path file, int limit) throws IOException {
        List<Source> sources = new ArrayList<>();
        JsonLinesFile.forEach(file, n -> {
            String title = JsonLinesFile.text(n, "title");
            String summary = JsonLinesFile.text(n, "summary");
            if (title.isEmpty() || summary.isEmpty()) {
                return;
            }
            List<String> authors = new ArrayList<>();
            n.path("authors").forEach(a -> authors.add(a.asString("")));
            List<String> categories = new ArrayList<>();
            n.path("categories").forEach(c -> categories.add(c.asString("")));
            String seen = n.path("first_seen_file").asString("2025-06-01.jsonl");
            LocalDate day = LocalDate.parse(seen.length() >= 10 ? seen.substring(0, 10) : "2025-06-01");
            sources.add(new Source(title, summary, authors, String.join(" ", categories), day));
        });
        java.util.Collections.shuffle(sources, new Random(42));
        return new ScaleCorpus(limit > 0 && limit < sources.size() ? List.copyOf(sources.subList(0, limit)) : sources);
    }

    int sources() {
        return sources.size();
    }

    /** The source titles, whose real embeddings the vectors are derived from. */
    List<String> titles() {
        return sources.stream().map(Source::title).toList();
    }

    static String id(int paper) {
        int month = paper / IDS_PER_MONTH;
        int year = 90 + month / 12;
        return String.format(Locale.ROOT, "%02d%02d.%05d", year, month % 12 + 1, paper % IDS_PER_MONTH + 1);
    }

    /** The paper number of an id written by {@link #id(int)}, or -1 for any other id. */
    static int paperOf(String id) {
        if (id.length() != 10 || id.charAt(4) != '.' || id.charAt(0) != '9') {
            return -1;
        }
        int year = Integer.parseInt(id.substring(0, 2)) - 90;
        int month = Integer.parseInt(id.substring(2, 4)) - 1;
        return (year * 12 + month) * IDS_PER_MONTH + Integer.parseInt(id.substring(5)) - 1;
    }

    /** The record whose second halves a later copy takes: fixed per paper, never its own source. */
    private int partner(int paper) {
        int own = paper % sources.size();
        int other = new SplittableRandom(paper * 0x9E3779B97F4A7C15L).nextInt(sources.size());
        return other != own ? other : (own + 1) % sources.size();
    }

    /** Writes papers 0..n-1 (gzip), through a temporary file so that an interrupted run leaves none. */
    void write(int n, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
                OutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8))) {
            for (int j = 0; j < n; j++) {
                out.write(JSON.writeValueAsString(record(j)));
                out.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode record(int paper) {
        Source s = sources.get(paper % sources.size());
        int copy = paper / sources.size();
        String title = s.title();
        String abstractText = s.abstractText();
        if (copy > 0) {
            Source t = sources.get(partner(paper));
            title = firstHalf(s.title(), " ") + " " + secondHalf(t.title(), " ");
            abstractText = joinHalves(s.abstractText(), t.abstractText());
        }
        // Half a year back per copy, within twenty years: arXiv's papers spread over its years likewise.
        LocalDate day = s.day().minusMonths(6L * copy % 240);
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id(paper));
        n.putNull("submitter");
        n.put("authors", String.join(", ", s.authors()));
        n.put("title", title);
        n.putNull("comments");
        n.put("categories", s.categories());
        n.put("abstract", abstractText);
        ArrayNode versions = n.putArray("versions");
        versions.addObject()
                .put("version", "v1")
                .put("created", RFC_1123.format(day.atTime(12, 0).atZone(ZoneOffset.UTC)));
        n.put("update_date", day.toString());
        ArrayNode parsed = n.putArray("authors_parsed");
        for (String a : s.authors()) {
            int space = a.lastIndexOf(' ');
            parsed.addArray()
                    .add(space < 0 ? a : a.substring(space + 1))
                    .add(space < 0 ? "" : a.substring(0, space))
                    .add("");
        }
        return n;
    }

    /**
     * The vector of paper {@code j} from the real title embeddings ({@code titleVectors}, one per source, unit
     * length): the source's own for a first copy, else the normalised sum of both records', plus seeded noise.
     */
    float[] vector(int paper, List<float[]> titleVectors) {
        float[] own = titleVectors.get(paper % sources.size());
        int copy = paper / sources.size();
        float[] v = own.clone();
        if (copy > 0) {
            float[] other = titleVectors.get(partner(paper));
            for (int d = 0; d < v.length; d++) {
                v[d] += other[d];
            }
        }
        ScaleBenchmark.normalise(v);
        SplittableRandom random = new SplittableRandom(paper);
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * NOISE);
        }
        ScaleBenchmark.normalise(v);
        return v;
    }

    private static String firstHalf(String text, String separator) {
        String[] words = text.split(separator);
        return String.join(separator, java.util.Arrays.copyOfRange(words, 0, Math.max(1, words.length / 2)));
    }

    private static String secondHalf(String text, String separator) {
        String[] words = text.split(separator);
        return String.join(
                separator,
                java.util.Arrays.copyOfRange(words, Math.min(words.length - 1, words.length / 2), words.length));
    }

    private static String joinHalves(String first, String second) {
        String[] a = SENTENCE_END.split(first);
        String[] b = SENTENCE_END.split(second);
        if (a.length < 2 || b.length < 2) {
            return firstHalf(first, " ") + " " + secondHalf(second, " ");
        }
        List<String> sentences = new ArrayList<>();
        sentences.addAll(List.of(a).subList(0, (a.length + 1) / 2));
        sentences.addAll(List.of(b).subList(b.length / 2, b.length));
        return String.join(" ", sentences);
    }
}
