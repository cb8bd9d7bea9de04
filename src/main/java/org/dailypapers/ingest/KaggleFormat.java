package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.oneLine;
import static org.dailypapers.ingest.JsonFields.required;
import static org.dailypapers.ingest.JsonFields.text;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import tools.jackson.databind.JsonNode;

/** The Kaggle arXiv metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}), one JSON object per line. */
final class KaggleFormat {

    private KaggleFormat() {}

    static boolean accepts(JsonNode first) {
        return first.has("id") && (first.has("versions") || first.has("authors_parsed") || first.has("update_date"));
    }

    static PaperRecord read(JsonNode n) {
        ArxivId id = JsonFields.arxivId(n, "id");
        List<Instant> versionDates = new ArrayList<>();
        int version = 0;
        JsonNode versions = n.get("versions");
        if (versions != null && versions.isArray()) {
            for (JsonNode v : versions) {
                Integer number = ArxivId.parse(id.id() + JsonFields.text(v, "version"))
                        .map(ArxivId::version)
                        .orElse(null);
                if (number != null) {
                    version = Math.max(version, number);
                }
                String created = JsonFields.text(v, "created");
                if (created != null) {
                    versionDates.add(rfc1123(created));
                }
            }
        }
        Instant published = versionDates.stream().min(Instant::compareTo).orElse(null);
        Instant updated = versionDates.stream().max(Instant::compareTo).orElse(null);
        if (published == null) {
            published = JsonFields.instant(n, "update_date");
        }
        String categories = text(n, "categories");
        Paper paper = new Paper(
                id,
                version,
                oneLine(required(n, "title")),
                required(n, "abstract").strip(),
                authors(n),
                categories == null ? List.of() : Arrays.asList(categories.trim().split("\\s+")),
                published,
                updated,
                text(n, "comments"),
                text(n, "journal-ref"),
                text(n, "doi"),
                text(n, "license"),
                List.of(),
                0,
                null);
        return PaperRecord.of(paper);
    }

    /** {@code authors_parsed} ([last, first, suffix]) is cleaner than the free-text {@code authors} field. */
    private static List<String> authors(JsonNode n) {
        JsonNode parsed = n.get("authors_parsed");
        List<String> names = new ArrayList<>();
        if (parsed != null && parsed.isArray()) {
            for (JsonNode a : parsed) {
                if (!a.isArray() || a.size() == 0) {
                    continue;
                }
                String last = a.path(0).asString("").strip();
                String first = a.size() > 1 ? a.path(1).asString("").strip() : "";
                String suffix = a.size() > 2 ? a.path(2).asString("").strip() : "";
                String name = oneLine((first + " " + last + " " + suffix));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            String joined = text(n, "authors");
            if (joined != null) {
                names.addAll(ArxivListingFormat.splitAuthors(joined));
            }
        }
        return names;
    }

    private static Instant rfc1123(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH))
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("field 'versions.created': not a date: " + text);
        }
    }
}
