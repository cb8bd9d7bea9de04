package org.dailypapers.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.Decision;
import org.dailypapers.paper.RecordAuthor;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of the bioRxiv/medRxiv {@code details} API. Reads both output formats the API has had: the one of early
 * 2026 (counts as strings, {@code funder} on every record, {@code server} as {@code bioRxiv}) and the later one
 * (counts as numbers, no {@code funder}, {@code server} lower case). Each version of a preprint is its own record;
 * the catalog keeps the newest.
 */
final class BiorxivFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BiorxivFormat() {}

    /**
     * One page.
     *
     * @param cursor the cursor this page starts at
     * @param count records on this page as the API counts them
     * @param total records of the whole interval, or -1 when the API did not say (an empty last page)
     */
    record Page(List<SourceRecord> records, int cursor, int count, long total, List<String> problems) {}

    static Page parse(String source, byte[] body, Source server) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new SourceException(source + ": not valid JSON (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new SourceException(source + ": not a details response (no JSON object)");
        }
        JsonNode messages = root.path("messages");
        JsonNode m = messages.isArray() && !messages.isEmpty() ? messages.get(0) : root.path("messages");
        JsonNode collection = root.path("collection");
        if (!collection.isArray()) {
            collection = JSON.createArrayNode();
        }
        String status = text(m, "status");
        if (status != null && !status.equalsIgnoreCase("ok") && !collection.isEmpty()) {
            throw new SourceException(source + ": messages[0].status is '" + status + "'");
        }
        int cursor = (int) number(source, m, "cursor", 0);
        int count = (int) number(source, m, "count", collection.size());
        long total = number(source, m, "total", -1);
        List<SourceRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < collection.size(); i++) {
            try {
                records.add(record(collection.get(i), server));
            } catch (MalformedRecordException e) {
                problems.add(source + ": collection[" + i + "]: " + e.getMessage());
            }
        }
        return new Page(records, cursor, count, total, problems);
    }

    private static SourceRecord record(JsonNode r, Source requested) {
        String doi = JsonFields.required(r, "doi");
        SourceId id =
                SourceId.doi(doi).orElseThrow(() -> new MalformedRecordException("field 'doi': not a DOI: " + doi));
        String serverName = text(r, "server");
        Source server =
                serverName == null ? requested : Source.parse(serverName).orElse(requested);
        if (server != Source.BIORXIV && server != Source.MEDRXIV) {
            throw new MalformedRecordException("field 'server': not bioRxiv or medRxiv: " + serverName);
        }
        Integer version = JsonFields.integer(r, "version");
        String day = text(r, "date");
        LocalDate date;
        try {
            date = day == null ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("field 'date': not a day: " + day);
        }
        String published = text(r, "published");
        if (published != null && published.equalsIgnoreCase("NA")) {
            published = null;
        }
        String type = text(r, "type");
        Decision decision = type != null && type.toLowerCase(Locale.ROOT).contains("withdrawn")
                ? Decision.WITHDRAWN
                : published != null ? Decision.PUBLISHED : Decision.PREPRINT;
        String category = text(r, "category");
        String license = text(r, "license");
        int v = version == null ? 0 : version;
        return new SourceRecord(
                server,
                id,
                v,
                JsonFields.oneLine(JsonFields.required(r, "title")),
                JsonFields.oneLine(String.valueOf(text(r, "abstract") == null ? "" : text(r, "abstract"))),
                authors(text(r, "authors")),
                server.slug(),
                server.label(),
                decision,
                date == null ? null : date.getYear(),
                date,
                id.value(),
                published,
                "https://www." + server.slug() + ".org/content/" + id.value() + (v > 0 ? "v" + v : "") + ".full.pdf",
                license,
                category == null ? List.of() : List.of(category),
                null);
    }

    /** {@code "Watson, O. J.; Tran, T. N.-A."} as names in reading order: "O. J. Watson", "T. N.-A. Tran". */
    static List<RecordAuthor> authors(@Nullable String list) {
        List<RecordAuthor> result = new ArrayList<>();
        if (list == null) {
            return result;
        }
        for (String part : list.split(";")) {
            String a = JsonFields.oneLine(part);
            if (a.isEmpty()) {
                continue;
            }
            int comma = a.indexOf(',');
            String name = comma > 0 && comma < a.length() - 1
                    ? a.substring(comma + 1).trim() + " "
                            + a.substring(0, comma).trim()
                    : a.replace(",", "").trim();
            result.add(RecordAuthor.named(name));
        }
        return result;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || !v.isValueNode()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }

    /** A count the API writes as a number or, in its older format, as a string. */
    private static long number(String source, JsonNode node, String field, long absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return absent;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asString().trim());
        } catch (NumberFormatException e) {
            throw new SourceException(source + ": messages[0]." + field + " is not a number: '" + v.asString() + "'");
        }
    }

    static String firstLine(@Nullable String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
