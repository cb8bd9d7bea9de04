package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.oneLine;
import static org.dailypapers.ingest.JsonFields.required;
import static org.dailypapers.ingest.JsonFields.strings;
import static org.dailypapers.ingest.JsonFields.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * arXiv daily new-submission listings as JSON lines ({@code id, title, authors[], categories[], comment, summary,
 * abs, pdf}), and the cs.IR listing variant ({@code arxiv_id, authors} as one string, {@code abstract,
 * listing_date}). Listings carry no submission date; the listing day stands in for it when the id's month agrees.
 */
final class ArxivListingFormat {

    private static final Pattern FILE_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private ArxivListingFormat() {}

    static boolean accepts(JsonNode first) {
        return (first.has("id") && first.has("summary") && (first.has("abs") || first.has("categories")))
                || (first.has("arxiv_id") && first.has("abstract"));
    }

    static PaperRecord read(JsonNode n) {
        boolean irVariant = n.has("arxiv_id");
        ArxivId id = JsonFields.arxivId(n, irVariant ? "arxiv_id" : "id");
        String title = oneLine(required(n, "title"));
        String abstractText = required(n, irVariant ? "abstract" : "summary").strip();
        List<String> authors;
        JsonNode authorNode = n.get("authors");
        if (authorNode != null && authorNode.isString()) {
            authors = splitAuthors(authorNode.stringValue());
        } else {
            authors = strings(n, "authors").stream().map(JsonFields::oneLine).toList();
        }
        List<String> categories = strings(n, "categories");
        String listingDay = text(n, irVariant ? "listing_date" : "first_seen_file");
        Instant published = approximateSubmission(id, listingDay);
        Paper paper = new Paper(
                id,
                id.version(),
                title,
                abstractText,
                authors,
                categories,
                published,
                null,
                text(n, "comment"),
                null,
                null,
                null,
                List.of(),
                0,
                null);
        return PaperRecord.of(paper);
    }

    static List<String> splitAuthors(String joined) {
        List<String> names = new ArrayList<>();
        for (String part : joined.split(",|\\band\\b")) {
            String name = oneLine(part);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The listing day when the id was assigned in that month or the one before (a new submission); otherwise (a
     * cross-list or replacement of an older paper) the first day of the id's month.
     */
    static @Nullable Instant approximateSubmission(ArxivId id, @Nullable String listingDay) {
        LocalDate idMonth = idMonth(id);
        LocalDate listed = null;
        if (listingDay != null) {
            Matcher m = FILE_DATE.matcher(listingDay);
            if (m.find()) {
                listed = LocalDate.parse(m.group(1));
            }
        }
        if (listed != null && (idMonth == null || !listed.withDayOfMonth(1).isAfter(idMonth.plusMonths(1)))) {
            return listed.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return idMonth == null ? null : idMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static @Nullable LocalDate idMonth(ArxivId id) {
        String s = id.id();
        String digits = s.contains("/") ? s.substring(s.indexOf('/') + 1) : s;
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        if (mm < 1 || mm > 12) {
            return null;
        }
        return LocalDate.of(yy >= 91 ? 1900 + yy : 2000 + yy, mm, 1);
    }
}
