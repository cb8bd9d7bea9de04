package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Inputs that broke the importer: each is reported by its line, named by its encoding, or read, never a crash. */
class RecordReaderTest {

    static final String KAGGLE = "{\"id\":\"0704.0001\",\"title\":\"A title\",\"abstract\":\"An abstract.\","
            + "\"authors\":\"A. Author\",\"categories\":\"hep-ph\",\"versions\":[{\"version\":\"v1\","
            + "\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}],\"update_date\":\"2008-11-13\"}";

    /** What a reader delivered. */
    static final class Collected implements RecordSink {
        final List<PaperRecord> records = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void accept(PaperRecord record) {
            records.add(record);
        }

        @Override
        public void problem(long line, String reason) {
            problems.add(line + ": " + reason);
        }

        @Override
        public void warning(long line, String message) {
            warnings.add(line + ": " + message);
        }
    }

    static Collected read(byte[] bytes, int maxRecordChars) throws IOException {
        Collected sink = new Collected();
        new RecordReader(JsonMapper.builder().build(), maxRecordChars)
                .read("test.jsonl", new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static Collected read(byte[] bytes) throws IOException {
        return read(bytes, RecordReader.DEFAULT_MAX_RECORD_CHARS);
    }

    @Test
    void shouldSayThatAnEmptyFileHasNoRecords() throws IOException {
        assertThat(read(new byte[0]).problems).singleElement().asString().contains("empty file");
        assertThat(read("  \n\n ".getBytes(StandardCharsets.UTF_8)).problems)
                .singleElement()
                .asString()
                .contains("empty file");
    }

    @Test
    void shouldReadUtf16AndUtf32FilesByTheirByteOrderMarkOrTheirNulBytes() throws IOException {
        for (Charset cs : List.of(
                StandardCharsets.UTF_16, // writes a big-endian mark
                StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32BE"))) {
            Collected c = read((KAGGLE + "\n" + KAGGLE.replace("0704.0001", "0704.0002") + "\n").getBytes(cs));
            assertThat(c.problems).as(cs.name()).isEmpty();
            assertThat(c.records).as(cs.name()).hasSize(2);
        }
        byte[] le = ("\uFEFF" + KAGGLE).getBytes(StandardCharsets.UTF_16LE);
        assertThat(read(le).records).hasSize(1);
    }

    @Test
    void shouldNameTheEncodingOfAFileInAnUnrecognisedFormat() throws IOException {
        Collected c = read("\uFEFFhello, world".getBytes(StandardCharsets.UTF_16LE));
        assertThat(c.problems)
                .singleElement()
                .asString()
                .contains("unrecognised format")
                .contains("UTF-16");
    }

    @Test
    void shouldSkipAnyAmountOfLeadingWhitespaceAndCountItsLines() throws IOException {
        String leading = " ".repeat(2 << 20) + "\n\n\n";
        Collected c = read(
                (leading + KAGGLE + "\n{\"id\":\"0704.0002\",\"versions\":[]}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(c.records).hasSize(1);
        // the broken record is on the fifth line of the file: three blank lines, then two records
        assertThat(c.problems).singleElement().asString().startsWith("5: ");
    }

    @Test
    void shouldNameTheLineOfAnArrayNestedTooDeep() throws IOException {
        String deep = "[\n{\"paper\": {\"id\": \"2501.00001\"}},\n" + "[".repeat(5000) + "]".repeat(5000) + "\n]";
        Collected c = read(deep.getBytes(StandardCharsets.UTF_8));
        assertThat(c.problems).anySatisfy(p -> assertThat(p).startsWith("3: ").contains("nesting"));
        String deepLine = KAGGLE + "\n{\"id\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n";
        assertThat(read(deepLine.getBytes(StandardCharsets.UTF_8)).problems)
                .singleElement()
                .asString()
                .startsWith("2: ");
    }

    @Test
    void shouldSkipAndReportARecordOverTheSizeCapByItsLine() throws IOException {
        String big = "{\"id\":\"0704.0009\",\"title\":\"" + "x".repeat(5000) + "\"}";
        Collected c = read(
                (KAGGLE + "\n" + big + "\n" + KAGGLE.replace("0704.0001", "0704.0003"))
                        .getBytes(StandardCharsets.UTF_8),
                2048);
        assertThat(c.records).hasSize(2);
        assertThat(c.problems).singleElement().asString().startsWith("2: ").contains("larger than 2048");
    }

    @Test
    void shouldReadWindowsLineEndsAndRecordsThatCrossTheReadBuffer() throws IOException {
        // Long enough that records straddle the reader's 64 K chunks at different places.
        StringBuilder file = new StringBuilder();
        int n = 300;
        for (int i = 0; i < n; i++) {
            String abstractText = "word ".repeat(50 + i % 97);
            file.append(KAGGLE.replace("0704.0001", String.format("0704.%04d", i + 1))
                            .replace("An abstract.", abstractText.strip()))
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Collected c = read(file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(c.problems).isEmpty();
        assertThat(c.records).hasSize(n);
        assertThat(c.records.get(n - 1).paper().id().id()).isEqualTo(String.format("0704.%04d", n));
        assertThat(c.records)
                .allSatisfy(r -> assertThat(r.paper().abstractText()).doesNotContain("\r"));
    }

    @Test
    void shouldKeepARecordOfExactlyTheCapAndSkipOneCharacterMore() throws IOException {
        int cap = KAGGLE.length();
        String longer = KAGGLE.replace("A title", "A titles");
        Collected c = read((KAGGLE + "\r\n" + longer + "\n").getBytes(StandardCharsets.UTF_8), cap);
        assertThat(c.records).hasSize(1);
        assertThat(c.problems).singleElement().asString().startsWith("2: ").contains("larger than " + cap);
    }

    @Test
    void shouldReadAGzipBombOfOneHugeLineWithoutHoldingIt() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write((KAGGLE + "\n{\"id\":\"").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                out.write(chunk); // 64 MB on line 2, 1,000 times the cap
            }
            out.write(("\"}\n" + KAGGLE.replace("0704.0001", "0704.0004") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).isLessThan(1 << 20);
        Collected c = read(gz.toByteArray(), 1 << 16);
        assertThat(c.records).hasSize(2);
        assertThat(c.problems).singleElement().asString().startsWith("2: ").contains("larger than");
    }

    @Test
    void shouldWarnWhenAValueOfTheWrongTypeIsMadeToFit() throws IOException {
        String numberTitle = KAGGLE.replace("\"title\":\"A title\"", "\"title\":42");
        String objectAuthors =
                KAGGLE.replace("0704.0001", "0704.0002").replace("\"authors\":\"A. Author\"", "\"authors\":{\"x\":1}");
        Collected c = read((numberTitle + "\n" + objectAuthors + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(c.records).hasSize(2);
        assertThat(c.warnings).hasSize(2);
        assertThat(c.warnings.get(0)).startsWith("1: ").contains("'title'").contains("a number");
        assertThat(c.warnings.get(1)).startsWith("2: ").contains("'authors'").contains("an object");
    }

    @Test
    void shouldFailATruncatedGzipFileWithAnIoException() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 2000; i++) {
                out.write((KAGGLE.replace("0704.0001", String.format("0704.%04d", i + 1)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Collected sink = new Collected();
        InputStream in = new ByteArrayInputStream(cut);
        try {
            new RecordReader(JsonMapper.builder().build()).read("cut.jsonl.gz", in, sink);
            throw new AssertionError("a truncated file must not read as complete");
        } catch (java.io.EOFException expected) {
            // PaperImporter reports it as a problem of the file: exit code 2 when records were read before it
            assertThat(sink.records).isNotEmpty();
        }
    }
}
