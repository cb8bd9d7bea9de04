package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's own export format: JSON lines behind a header line {@code {"format":"dailypapers","version":1}},
 * one paper per line with its daily entry, short keys and no empty fields. The demo data set ships in it.
 */
final class CompactFormat {

    static final String FORMAT = "dailypapers";
    static final int VERSION = 1;

    private CompactFormat() {}

    static boolean isHeader(JsonNode first) {
        return FORMAT.equals(text(first, "format"));
    }

    static String header(JsonMapper json) {
        ObjectNode h = json.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        return json.writeValueAsString(h);
    }

    static void checkHeader(JsonNode header) {
        Integer version = JsonFields.integer(header, "version");
        if (version == null || version > VERSION) {
            throw new MalformedRecordException("unsupported dailypapers format version " + version);
        }
    }

    static String write(JsonMapper json, Paper p, @Nullable DailyEntry e) {
        ObjectNode n = json.createObjectNode();
        n.put("id", p.id().id());
        if (p.version() > 0) {
            n.put("v", p.version());
        }
        n.put("title", p.title());
        n.put("abstract", p.abstractText());
        ArrayNode authors = n.putArray("authors");
        p.authors().forEach(authors::add);
        if (!p.categories().isEmpty()) {
            ArrayNode cats = n.putArray("cats");
            p.categories().forEach(cats::add);
        }
        putNonNull(n, "published", Timestamps.formatNullable(p.publishedAt()));
        putNonNull(n, "updated", Timestamps.formatNullable(p.updatedAt()));
        putNonNull(n, "comments", p.comments());
        putNonNull(n, "journal", p.journalRef());
        putNonNull(n, "doi", p.doi());
        putNonNull(n, "license", p.license());
        if (!p.links().isEmpty()) {
            ArrayNode links = n.putArray("links");
            for (PaperLink l : p.links()) {
                links.addArray().add(l.kind().name().toLowerCase()).add(l.url());
            }
        }
        if (p.upvotes() > 0) {
            n.put("upvotes", p.upvotes());
        }
        if (p.githubStars() != null) {
            n.put("stars", p.githubStars());
        }
        if (e != null) {
            ObjectNode d = n.putObject("daily");
            d.put("day", e.day().toString());
            putNonNull(d, "at", Timestamps.formatNullable(e.submittedAt()));
            if (e.submittedBy() != null) {
                d.putArray("by")
                        .add(e.submittedBy().name())
                        .add(e.submittedBy().fullname())
                        .add(e.submittedBy().avatarUrl());
            }
            if (e.numComments() > 0) {
                d.put("comments", e.numComments());
            }
            if (e.organization() != null) {
                d.putArray("org")
                        .add(e.organization().name())
                        .add(e.organization().fullname())
                        .add(e.organization().avatarUrl());
            }
        }
        return json.writeValueAsString(n);
    }

    static PaperRecord read(JsonNode n) {
        ArxivId id = JsonFields.arxivId(n, "id");
        Integer version = JsonFields.integer(n, "v");
        List<PaperLink> links = new ArrayList<>();
        JsonNode linkNodes = n.get("links");
        if (linkNodes != null && linkNodes.isArray()) {
            for (JsonNode l : linkNodes) {
                try {
                    links.add(new PaperLink(
                            PaperLink.Kind.valueOf(l.path(0).asString("").toUpperCase()),
                            l.path(1).asString("")));
                } catch (IllegalArgumentException ex) {
                    throw new MalformedRecordException("field 'links': unknown kind " + l.path(0));
                }
            }
        }
        Integer upvotes = JsonFields.integer(n, "upvotes");
        Paper paper = new Paper(
                id,
                version == null ? 0 : version,
                JsonFields.required(n, "title"),
                JsonFields.required(n, "abstract"),
                JsonFields.strings(n, "authors"),
                JsonFields.strings(n, "cats"),
                JsonFields.instant(n, "published"),
                JsonFields.instant(n, "updated"),
                text(n, "comments"),
                text(n, "journal"),
                text(n, "doi"),
                text(n, "license"),
                links,
                upvotes == null ? 0 : upvotes,
                JsonFields.integer(n, "stars"));
        JsonNode d = n.get("daily");
        DailyEntry entry = null;
        if (d != null && d.isObject()) {
            String day = JsonFields.required(d, "day");
            LocalDate parsedDay;
            try {
                parsedDay = LocalDate.parse(day);
            } catch (java.time.format.DateTimeParseException ex) {
                throw new MalformedRecordException("field 'daily.day': not a date: " + day);
            }
            JsonNode by = d.get("by");
            JsonNode org = d.get("org");
            Integer comments = JsonFields.integer(d, "comments");
            entry = new DailyEntry(
                    id,
                    parsedDay,
                    JsonFields.instant(d, "at"),
                    by != null && by.isArray() && by.size() > 0
                            ? new DailyEntry.Submitter(
                                    by.path(0).asString(), nullable(by.path(1)), nullable(by.path(2)))
                            : null,
                    comments == null ? 0 : comments,
                    org != null && org.isArray() && org.size() > 0
                            ? new DailyEntry.Organization(
                                    org.path(0).asString(), nullable(org.path(1)), nullable(org.path(2)))
                            : null);
        }
        return new PaperRecord(paper, entry);
    }

    private static @Nullable String nullable(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asString();
    }

    private static void putNonNull(ObjectNode n, String key, @Nullable String value) {
        if (value != null) {
            n.put(key, value);
        }
    }
}
