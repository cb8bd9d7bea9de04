package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.dailypapers.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz tests with a seeded random generator, bounded in time: real inputs of every importer format and of the
 * OAI-PMH and arXiv Atom parsers, mutated (bytes flipped, cut, repeated, spliced, wrapped in deep nesting), must
 * give records or reported problems, never an exception other than the reported kinds, and never hold more than
 * the record-size cap. A failure prints the seed and the iteration, which replay it exactly.
 */
class ParserFuzzTests {

    /** Per parser; CI runs them all in well under a minute. */
    private static final long BUDGET_NANOS = 4_000_000_000L;

    private static final long SEED = Long.getLong("dailypapers.fuzz.seed", 20251216L);

    @Test
    void shouldSurviveMutatedKaggleRecords() {
        fuzzImporter(TestData.file("arxiv-kaggle-metadata-sample/arxiv-metadata-oai-snapshot.json"), 40);
    }

    @Test
    void shouldSurviveMutatedArxivListings() {
        fuzzImporter(TestData.file("arxiv-daily-cs/daily/2025-12-02.jsonl"), 40);
    }

    @Test
    void shouldSurviveMutatedHuggingFaceArrays() {
        fuzzImporter(TestData.hfDailyPapers().resolve("2025-01-13.json"), Integer.MAX_VALUE);
    }

    @Test
    void shouldSurviveMutatedExports() {
        byte[] demo;
        try (InputStream in =
                new GZIPInputStream(ParserFuzzTests.class.getResourceAsStream("/demo/daily-papers-2025.jsonl.gz"))) {
            demo = in.readNBytes(200_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fuzz("dailypapers export", firstLines(demo, 40), this::importerAccepts);
    }

    @Test
    void shouldSurviveMutatedOaiPmhResponses() {
        List<byte[]> samples = samples(SharedData.root().resolve("arxiv-oai-pmh"), ".xml");
        fuzz("OAI-PMH", samples, bytes -> {
            try {
                OaiPmhParser.Page page = OaiPmhParser.parse("fuzz", bytes);
                assertThat(page.records().size() + page.problems().size()).isGreaterThanOrEqualTo(0);
            } catch (ArxivException reported) {
                assertThat(reported.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void shouldSurviveMutatedArxivAtomResponses() {
        List<byte[]> samples = samples(SharedData.root().resolve("arxiv-api-atom"), ".xml");
        fuzz("arXiv Atom", samples, bytes -> {
            try {
                AtomFeedParser.Feed feed = AtomFeedParser.parse("fuzz", bytes);
                assertThat(feed.papers()).isNotNull();
            } catch (ArxivException reported) {
                assertThat(reported.getMessage()).isNotBlank();
            }
        });
    }

    private void fuzzImporter(Path file, int lines) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fuzz(
                file.getFileName().toString(),
                lines == Integer.MAX_VALUE ? List.of(bytes) : firstLines(bytes, lines),
                this::importerAccepts);
    }

    /** Only records and reported problems come out; an I/O failure is the one exception the importer reports. */
    private void importerAccepts(byte[] bytes) {
        RecordReaderTest.Collected sink = new RecordReaderTest.Collected();
        try {
            new RecordReader(JsonMapper.builder().build(), 1 << 16)
                    .read("fuzz.jsonl", new ByteArrayInputStream(bytes), sink);
        } catch (IOException reported) {
            // PaperImporter turns it into "cannot read: ..." for the file
        }
        assertThat(sink.problems).allSatisfy(p -> assertThat(p).isNotBlank());
    }

    private static void fuzz(String name, List<byte[]> samples, Consumer<byte[]> parser) {
        assertThat(samples).as(name + " samples").isNotEmpty();
        Random random = new Random(SEED);
        long end = System.nanoTime() + BUDGET_NANOS;
        int iteration = 0;
        while (System.nanoTime() < end) {
            byte[] input = mutate(random, samples.get(random.nextInt(samples.size())));
            try {
                parser.accept(input);
            } catch (Throwable t) {
                throw new AssertionError(
                        name + ": seed " + SEED + ", iteration " + iteration + " escaped with " + t, t);
            }
            iteration++;
        }
        assertThat(iteration).as(name + " iterations").isPositive();
    }

    static byte[] mutate(Random r, byte[] sample) {
        byte[] b = sample.clone();
        int mutations = 1 + r.nextInt(8);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            switch (r.nextInt(7)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256); // flip a byte
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // cut
                case 2 -> { // insert a structural character
                    byte[] chars = "{}[]\",:<>/&\\\u0000\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    b = splice(b, r.nextInt(b.length + 1), new byte[] {chars[r.nextInt(chars.length)]});
                }
                case 3 -> { // repeat a slice
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(200));
                    byte[] slice = java.util.Arrays.copyOfRange(b, from, from + len);
                    b = splice(b, r.nextInt(b.length + 1), slice);
                }
                case 4 -> { // deep nesting
                    String open = r.nextBoolean() ? "[" : "<a>";
                    String close = open.equals("[") ? "]" : "</a>";
                    int depth = 100 + r.nextInt(3000);
                    b = splice(b, r.nextInt(b.length + 1), (open.repeat(depth) + close.repeat(depth)).getBytes());
                }
                case 5 -> { // invalid UTF-8 or a lone surrogate
                    byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}};
                    b = splice(b, r.nextInt(b.length + 1), bad[r.nextInt(bad.length)]);
                }
                default -> { // a long run of one character
                    byte[] run = new byte[r.nextInt(70_000)];
                    java.util.Arrays.fill(run, (byte) (r.nextBoolean() ? ' ' : 'x'));
                    b = splice(b, r.nextInt(b.length + 1), run);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private static List<byte[]> firstLines(byte[] bytes, int lines) {
        int end = 0;
        for (int n = 0; end < bytes.length && n < lines; end++) {
            if (bytes[end] == '\n') {
                n++;
            }
        }
        // samples of a few lines each, so that a mutation hits one record rather than a huge file
        List<byte[]> samples = new ArrayList<>();
        int start = 0;
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n' && ++count % 4 == 0) {
                samples.add(java.util.Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (samples.isEmpty()) {
            samples.add(java.util.Arrays.copyOf(bytes, end));
        }
        return samples;
    }

    private static List<byte[]> samples(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            List<byte[]> samples = new ArrayList<>();
            for (Path f :
                    files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                if (Files.size(f) < 400_000) {
                    samples.add(Files.readAllBytes(f));
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
