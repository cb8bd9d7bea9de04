package org.dailypapers.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON-lines corpora the benchmarks read (plain or gzip), one record at a time, a bad line named by file:line. */
final class JsonLinesFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLinesFile() {}

    static void forEach(Path file, Consumer<JsonNode> records) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + number + ": not a JSON record: " + e.getMessage());
                }
                records.accept(record);
            }
        }
    }

    /** A text field with its runs of white space made one space; empty when absent. */
    static String text(JsonNode record, String field) {
        return record.path(field).asString("").strip().replaceAll("\\s+", " ");
    }
}
