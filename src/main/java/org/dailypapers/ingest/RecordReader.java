package org.dailypapers.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.dailypapers.paper.PaperRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one input (plain or gzip) record by record: detects the encoding (UTF-8, or UTF-16/32 by byte-order mark or
 * by the NUL bytes of UTF-16 text) and the format from the first record, hands each paper to the sink, and reports
 * each bad record with its line without stopping. Holds one record at a time, and no record larger than the cap
 * ({@code dailypapers.import.max-record-size}, 1 MB): a longer line (a gzip bomb of one 3 GB line) is skipped and
 * reported by its line instead of filling the heap.
 */
final class RecordReader {

    private static final Pattern DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/\\\\]*$");
    private static final int MAX_REASON = 200;
    /** Deeper than any real record; Jackson's own limit (500) would be reached only after more work. */
    static final int MAX_NESTING = 64;

    static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private final JsonMapper json;
    private final int maxRecordChars;

    RecordReader(JsonMapper json) {
        this(json, DEFAULT_MAX_RECORD_CHARS);
    }

    RecordReader(JsonMapper json, int maxRecordChars) {
        // the caller's settings, with limits that stop a hostile record early and name its line
        JsonFactory limited = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(maxRecordChars)
                        .build())
                .build();
        this.json = JsonMapper.builder(limited)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.maxRecordChars = maxRecordChars;
    }

    /** Reads everything; returns the name of the detected format. */
    String read(String label, InputStream raw, RecordSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream in = (b1 == 0x1f && b2 == 0x8b)
                ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
        Charset charset = encoding(in);
        if (charset == null) {
            sink.problem(
                    1, "unrecognised encoding: the file starts with bytes that are neither UTF-8 nor UTF-16/32 text");
            return "unknown";
        }
        Reader decoded = new InputStreamReader(in, charset);
        // Leading whitespace is skipped as it streams by (no mark, so any amount of it), counting its lines.
        long skippedLines = 0;
        int c;
        do {
            c = decoded.read();
            if (c == '\n') {
                skippedLines++;
            }
        } while (c >= 0 && (Character.isWhitespace(c) || c == '\uFEFF'));
        if (c < 0) {
            sink.problem(
                    0,
                    "empty file: no records"
                            + (charset.equals(StandardCharsets.UTF_8) ? "" : " (" + charset.name() + ")"));
            return "empty";
        }
        PushbackReader rest = new PushbackReader(decoded, 1);
        rest.unread(c);
        if (c == '[') {
            readHfArray(new BufferedReader(rest, 1 << 16), skippedLines, dayOf(label), sink);
            return "hf-daily-papers";
        }
        if (c != '{') {
            sink.problem(
                    skippedLines + 1,
                    "unrecognised format: expected JSON lines or a JSON array (read as " + charset.name() + ")");
            return "unknown";
        }
        return readJsonLines(new BufferedReader(rest, 1 << 16), skippedLines, label, sink);
    }

    /**
     * The text encoding, from a byte-order mark or, without one, from where the NUL bytes of UTF-16 or UTF-32 text
     * fall around the first (ASCII) character; null for binary input. Leaves the stream where it was.
     */
    static @Nullable Charset encoding(InputStream in) throws IOException {
        in.mark(4);
        byte[] b = in.readNBytes(4);
        in.reset();
        int n = b.length;
        int b0 = n > 0 ? b[0] & 0xff : -1;
        int b1 = n > 1 ? b[1] & 0xff : -1;
        int b2 = n > 2 ? b[2] & 0xff : -1;
        int b3 = n > 3 ? b[3] & 0xff : -1;
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xfe && b3 == 0xff) {
            return Charset.forName("UTF-32BE");
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0x00 && b3 == 0x00) {
            return Charset.forName("UTF-32LE");
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return StandardCharsets.UTF_16; // reads and drops the mark
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return StandardCharsets.UTF_16;
        }
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return Charset.forName("UTF-32BE");
        }
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (n >= 2 && b0 == 0 && b1 != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 2 && b0 != 0 && b1 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (n > 0 && b0 < 0x09) {
            return null;
        }
        return StandardCharsets.UTF_8;
    }

    private String readJsonLines(BufferedReader reader, long firstLine, String label, RecordSink sink)
            throws IOException {
        long lineNo = firstLine;
        String line;
        Function<JsonNode, PaperRecord> format = null;
        String formatName = "unknown";
        boolean hfLines = false;
        LocalDate fileDay = dayOf(label);
        BoundedLines lines = new BoundedLines(reader, maxRecordChars);
        while ((line = lines.next()) != null) {
            lineNo++;
            if (lines.overlong()) {
                sink.problem(
                        lineNo,
                        "record larger than " + maxRecordChars + " characters (dailypapers.import.max-record-size),"
                                + " skipped");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JacksonException e) {
                sink.problem(lineNo, "invalid JSON: " + shorten(e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.problem(lineNo, "not a JSON object");
                continue;
            }
            if (format == null) {
                if (CompactFormat.isHeader(node)) {
                    try {
                        CompactFormat.checkHeader(node);
                    } catch (MalformedRecordException e) {
                        sink.problem(lineNo, e.getMessage());
                        return "dailypapers";
                    }
                    format = CompactFormat::read;
                    formatName = "dailypapers";
                    continue;
                } else if (HfDailyPapersFormat.acceptsEntry(node)) {
                    format = n -> HfDailyPapersFormat.read(n, fileDay);
                    hfLines = true;
                    formatName = "hf-daily-papers";
                } else if (KaggleFormat.accepts(node)) {
                    format = KaggleFormat::read;
                    formatName = "kaggle-arxiv";
                } else if (ArxivListingFormat.accepts(node)) {
                    format = ArxivListingFormat::read;
                    formatName = "arxiv-listing";
                } else {
                    // The first record decides the format; a broken first record must not hide a good file.
                    sink.problem(lineNo, "unrecognised record: fields " + node.propertyNames());
                    continue;
                }
            }
            if (deliver(format, node, lineNo, sink) && hfLines) {
                HfDailyPapersFormat.summaryOf(node).ifPresent(sink::summary);
            }
        }
        return formatName;
    }

    /**
     * Lines of at most {@code max} characters; a longer one is consumed to its end without being kept, and flagged.
     */
    private static final class BoundedLines {
        private final Reader in;
        private final int max;
        private final StringBuilder line = new StringBuilder();
        // Scanned a chunk at a time: BufferedReader.read() per character takes its lock each time, which was 40 % of
        // the parser thread's samples in a JFR of importing the 74,728 real papers.
        private final char[] chunk = new char[1 << 16];
        private int pos;
        private int end;
        private boolean overlong;

        BoundedLines(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        @Nullable
        String next() throws IOException {
            line.setLength(0);
            overlong = false;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        break;
                    }
                }
                any = true;
                // One pass: a carriage return ends a run to append, a newline ends the line.
                int i = pos;
                int run = pos;
                boolean found = false;
                for (; i < end; i++) {
                    char c = chunk[i];
                    if (c == '\n') {
                        found = true;
                        break;
                    }
                    if (c == '\r') {
                        appendRun(run, i);
                        run = i + 1;
                    }
                }
                appendRun(run, i);
                pos = found ? i + 1 : i;
                if (found) {
                    break;
                }
            }
            return any ? line.toString() : null;
        }

        private void appendRun(int from, int to) {
            if (overlong || to <= from) {
                return;
            }
            if (line.length() + (to - from) > max) {
                overlong = true;
                line.setLength(0);
                line.trimToSize();
                return;
            }
            line.append(chunk, from, to - from);
        }

        boolean overlong() {
            return overlong;
        }
    }

    private void readHfArray(BufferedReader reader, long lineOffset, @Nullable LocalDate fileDay, RecordSink sink) {
        JsonParser parser = null;
        try {
            parser = json.createParser(reader);
            parser.nextToken();
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return;
                }
                long line = lineOffset + parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    sink.problem(line, "expected an object in the array, found " + token);
                    parser.skipChildren();
                    continue;
                }
                JsonNode node = json.readTree(parser);
                if (deliver(n -> HfDailyPapersFormat.read(n, fileDay), node, line, sink)) {
                    HfDailyPapersFormat.summaryOf(node).ifPresent(sink::summary);
                }
            }
        } catch (JacksonException e) {
            // Inside one array a syntax error leaves no safe place to resume: keep what was read, name the spot.
            // Limits (nesting, string length) carry no location of their own: the parser's position names it.
            long line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? e.getLocation().getLineNr()
                    : parser == null ? 0 : parser.currentLocation().getLineNr();
            sink.problem(lineOffset + line, "invalid JSON, rest of file skipped: " + shorten(e.getOriginalMessage()));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /** Hands one record to the sink; false when it was malformed (and reported). */
    private static boolean deliver(Function<JsonNode, PaperRecord> format, JsonNode node, long line, RecordSink sink) {
        PaperRecord record;
        JsonFields.startRecord();
        try {
            record = format.apply(node);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            sink.problem(line, shorten(e.getMessage()));
            return false;
        } finally {
            // values of the wrong JSON type that were read anyway ("title": 42): said, not silently coerced
            for (String warning : JsonFields.endRecord()) {
                sink.warning(line, shorten(warning));
            }
        }
        sink.accept(record);
        return true;
    }

    static @Nullable LocalDate dayOf(String label) {
        Matcher m = DAY_IN_NAME.matcher(label);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String shorten(@Nullable String message) {
        if (message == null) {
            return "unreadable record";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "..." : oneLine;
    }
}
