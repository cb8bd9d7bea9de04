package org.dailypapers.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
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
 * A page of OpenReview API v2 {@code /notes}: {@code {"notes": [...], "count": N}}, each content field wrapped as
 * {@code {"value": ...}}. The decision comes from {@code venueid} (the only reliable field: a rejected paper's
 * {@code venue} still reads "Submitted to ...") and, for accepted papers, from the presentation in {@code venue}.
 * Author ids that are e-mail addresses (API v1 had them) are dropped, never stored.
 */
final class OpenReviewFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final Pattern ARXIV_LINK = Pattern.compile("arxiv\\.org/(?:abs|pdf)/(\\d{4}\\.\\d{4,5})");

    private OpenReviewFormat() {}

    /** One page; {@code count} is the size of the whole list, -1 when the server did not say. */
    record Page(List<SourceRecord> records, int notes, long count, List<String> problems) {}

    static Page parse(String source, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new SourceException(
                    source + ": not valid JSON (" + BiorxivFormat.firstLine(e.getOriginalMessage()) + ")", e);
        }
        JsonNode notes = root == null ? null : root.isArray() ? root : root.get("notes");
        if (notes == null || !notes.isArray()) {
            throw new SourceException(source + ": not a notes response (no 'notes' array)");
        }
        long count = root.isObject() && root.path("count").isNumber()
                ? root.path("count").asLong()
                : -1;
        List<SourceRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            try {
                records.add(note(notes.get(i)));
            } catch (MalformedRecordException e) {
                problems.add(source + ": notes[" + i + "]: " + e.getMessage());
            }
        }
        return new Page(records, notes.size(), count, problems);
    }

    static SourceRecord note(JsonNode n) {
        String forum = text(n.get("forum"));
        String idText = forum != null ? forum : text(n.get("id"));
        if (idText == null) {
            throw new MalformedRecordException("missing field 'id'");
        }
        SourceId id = SourceId.parse(SourceId.Scheme.OPENREVIEW, idText)
                .orElseThrow(() -> new MalformedRecordException("field 'id': not an OpenReview id: " + idText));
        JsonNode c = n.path("content");
        String title = value(c, "title");
        if (title == null) {
            throw new MalformedRecordException(idText + ": missing field 'content.title.value'");
        }
        List<String> names = values(c, "authors");
        List<String> ids = values(c, "authorids");
        List<RecordAuthor> authors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            authors.add(new RecordAuthor(names.get(i), null, i < ids.size() ? ids.get(i) : null));
        }
        String venue = value(c, "venue");
        String venueId = value(c, "venueid");
        String domain = text(n.get("domain"));
        String home = domain != null ? domain : venueId;
        String venueName = venueName(home, venue);
        Integer year = year(venueName, home);
        String abstractText = value(c, "abstract");
        String pdf = value(c, "pdf");
        List<String> categories = new ArrayList<>();
        for (String k : values(c, "keywords")) {
            for (String part : k.split(";")) {
                if (!part.isBlank()) {
                    categories.add(part.trim());
                }
            }
        }
        String area = value(c, "primary_area");
        if (area != null) {
            categories.addFirst(area);
        }
        Instant at = instant(n, "pdate");
        at = at != null ? at : instant(n, "odate");
        at = at != null ? at : instant(n, "cdate");
        String abs = abstractText == null ? "" : abstractText;
        Matcher arxiv = ARXIV_LINK.matcher(abs);
        return new SourceRecord(
                Source.OPENREVIEW,
                id,
                0,
                JsonFields.oneLine(title),
                abs.strip(),
                authors,
                venueKey(home),
                venueName,
                decision(venueId, venue, home),
                year,
                at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC),
                null,
                null,
                pdf == null ? null : pdf.startsWith("/") ? "https://openreview.net" + pdf : pdf,
                text(n.get("license")),
                categories,
                arxiv.find() ? ArxivId.parse(arxiv.group(1)).orElse(null) : null);
    }

    /**
     * {@code venueid} names the outcome: the venue itself for accepted papers, with {@code /Rejected_Submission},
     * {@code /Withdrawn_Submission} or {@code /Desk_Rejected_Submission} after it otherwise; {@code /Submission} (or
     * nothing decided yet) leaves it submitted.
     */
    static Decision decision(@Nullable String venueId, @Nullable String venue, @Nullable String home) {
        String vid = venueId == null ? "" : venueId.toLowerCase(Locale.ROOT);
        String v = venue == null ? "" : venue.toLowerCase(Locale.ROOT);
        if (vid.endsWith("/desk_rejected_submission") || v.contains("desk rejected")) {
            return Decision.DESK_REJECTED;
        }
        if (vid.endsWith("/withdrawn_submission") || v.contains("withdrawn")) {
            return Decision.WITHDRAWN;
        }
        if (vid.endsWith("/rejected_submission")) {
            return Decision.REJECTED;
        }
        boolean accepted = !vid.isEmpty() && home != null && vid.equals(home.toLowerCase(Locale.ROOT));
        if (!accepted || v.startsWith("submitted to")) {
            return Decision.SUBMITTED;
        }
        if (v.contains("oral")) {
            return Decision.ORAL;
        }
        if (v.contains("spotlight")) {
            return Decision.SPOTLIGHT;
        }
        if (v.contains("poster")) {
            return Decision.POSTER;
        }
        return Decision.ACCEPTED;
    }

    /** "ICLR.cc/2026/Conference" reads "ICLR 2026"; without a domain the venue text up to its year. */
    static @Nullable String venueName(@Nullable String home, @Nullable String venue) {
        if (home != null) {
            String[] parts = home.split("/");
            String org = parts[0].replaceFirst("(?i)\\.(cc|org|net|com)$", "");
            for (String p : parts) {
                if (YEAR.matcher(p).matches()) {
                    return org + " " + p;
                }
            }
            return org;
        }
        if (venue != null) {
            Matcher y = YEAR.matcher(venue);
            if (y.find()) {
                return venue.substring(0, y.end())
                        .replaceFirst("(?i)^submitted to ", "")
                        .trim();
            }
        }
        return venue;
    }

    private static @Nullable String venueKey(@Nullable String home) {
        if (home == null) {
            return null;
        }
        return home.split("/")[0].replaceFirst("(?i)\\.(cc|org|net|com)$", "").toLowerCase(Locale.ROOT);
    }

    private static @Nullable Integer year(@Nullable String name, @Nullable String home) {
        for (String s : new String[] {name, home}) {
            if (s != null) {
                Matcher m = YEAR.matcher(s);
                if (m.find()) {
                    return Integer.parseInt(m.group());
                }
            }
        }
        return null;
    }

    private static @Nullable Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : null;
    }

    private static @Nullable String value(JsonNode content, String field) {
        JsonNode f = content.get(field);
        if (f == null) {
            return null;
        }
        return text(f.isObject() ? f.get("value") : f);
    }

    private static List<String> values(JsonNode content, String field) {
        JsonNode f = content.get(field);
        JsonNode v = f == null ? null : f.isObject() ? f.get("value") : f;
        List<String> result = new ArrayList<>();
        if (v == null) {
            return result;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                String s = text(item);
                if (s != null) {
                    result.add(s);
                }
            }
        } else if (text(v) != null) {
            result.add(text(v));
        }
        return result;
    }

    private static @Nullable String text(@Nullable JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || !v.isValueNode()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }
}
