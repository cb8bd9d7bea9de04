package org.dailypapers.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one input (plain or gzip) record by record: detects the format from the first record, hands each paper to
 * the sink, and reports each bad record with its line without stopping. Holds one record at a time.
 */
final class RecordReader {

    private static final Pattern DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/\\\\]*$");
    private static final int MAX_REASON = 200;

    private final JsonMapper json;

    RecordReader(JsonMapper json) {
        this.json = json;
    }

    /** Reads everything; returns the name of the detected format. */
    String read(String label, InputStream raw, RecordSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream in = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1 << 20);
        int c;
        do {
            c = reader.read();
        } while (c >= 0 && (Character.isWhitespace(c) || c == '\uFEFF'));
        reader.reset();
        if (c < 0) {
            return "empty";
        }
        if (c == '[') {
            readHfArray(reader, dayOf(label), sink);
            return "hf-daily-papers";
        }
        if (c != '{') {
            sink.problem(1, "unrecognised format: expected JSON lines or a JSON array");
            return "unknown";
        }
        return readJsonLines(reader, label, sink);
    }

    private String readJsonLines(BufferedReader reader, String label, RecordSink sink) throws IOException {
        long lineNo = 0;
        String line;
        Function<JsonNode, PaperRecord> format = null;
        String formatName = "unknown";
        boolean hfLines = false;
        LocalDate fileDay = dayOf(label);
        while ((line = reader.readLine()) != null) {
            lineNo++;
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

    private void readHfArray(BufferedReader reader, @Nullable LocalDate fileDay, RecordSink sink) {
        try (JsonParser parser = json.createParser(reader)) {
            parser.nextToken();
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return;
                }
                long line = parser.currentTokenLocation().getLineNr();
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
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            sink.problem(line, "invalid JSON, rest of file skipped: " + shorten(e.getOriginalMessage()));
        }
    }

    /** Hands one record to the sink; false when it was malformed (and reported). */
    private static boolean deliver(Function<JsonNode, PaperRecord> format, JsonNode node, long line, RecordSink sink) {
        PaperRecord record;
        try {
            record = format.apply(node);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            sink.problem(line, shorten(e.getMessage()));
            return false;
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
