package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.PaperRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Hugging Face {@code /api/daily_papers} entries: {@code {paper:{...}, publishedAt, title, numComments,
 * submittedBy, organization}}. The feed day is the day the response was for (its file name, when the file is named
 * {@code YYYY-MM-DD.json} as the API's date parameter), else the day of submission to Daily Papers.
 */
final class HfDailyPapersFormat {

    private HfDailyPapersFormat() {}

    static boolean acceptsEntry(JsonNode first) {
        return first.has("paper") && first.get("paper").isObject();
    }

    /** Hugging Face's generated {@code ai_summary} and {@code ai_keywords} of an entry's paper, when it has either. */
    static java.util.Optional<org.dailypapers.summary.ImportedSummary> summaryOf(JsonNode entry) {
        JsonNode p = entry.get("paper");
        if (p == null || !p.isObject()) {
            return java.util.Optional.empty();
        }
        List<String> keywords = new ArrayList<>();
        JsonNode k = p.get("ai_keywords");
        if (k != null && k.isArray()) {
            for (JsonNode phrase : k) {
                if (phrase.isString() && phrase.asString().length() <= 200) {
                    keywords.add(phrase.asString());
                }
            }
        }
        String summary = text(p, "ai_summary");
        var id = ArxivId.parse(text(p, "id") == null ? "" : text(p, "id"));
        if (id.isEmpty()) {
            return java.util.Optional.empty();
        }
        var imported = new org.dailypapers.summary.ImportedSummary(id.get(), summary, keywords);
        return imported.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(imported);
    }

    static PaperRecord read(JsonNode entry, @Nullable LocalDate fileDay) {
        JsonNode p = entry.get("paper");
        if (p == null || !p.isObject()) {
            throw new MalformedRecordException("missing object 'paper'");
        }
        ArxivId id = JsonFields.arxivId(p, "id");
        String title = firstNonNull(text(entry, "title"), text(p, "title"));
        String summary = firstNonNull(text(p, "summary"), text(entry, "summary"));
        if (title == null) {
            throw new MalformedRecordException("missing field 'title'");
        }
        if (summary == null) {
            throw new MalformedRecordException("missing field 'paper.summary'");
        }
        List<String> authors = new ArrayList<>();
        JsonNode authorNodes = p.get("authors");
        if (authorNodes != null && authorNodes.isArray()) {
            for (JsonNode a : authorNodes) {
                String name = a.isString() ? a.stringValue() : text(a, "name");
                if (name != null) {
                    authors.add(JsonFields.oneLine(name));
                }
            }
        }
        List<PaperLink> links = new ArrayList<>();
        String repo = text(p, "githubRepo");
        if (repo != null) {
            links.add(new PaperLink(PaperLink.Kind.CODE, repo.strip()));
        }
        String project = text(p, "projectPage");
        if (project != null) {
            links.add(new PaperLink(PaperLink.Kind.PROJECT, project.strip()));
        }
        Integer upvotes = JsonFields.integer(p, "upvotes");
        Paper paper = new Paper(
                id,
                id.version(),
                JsonFields.oneLine(title),
                summary.strip(),
                authors,
                List.of(),
                JsonFields.instant(p, "publishedAt"),
                null,
                null,
                null,
                null,
                null,
                links,
                upvotes == null ? 0 : upvotes,
                JsonFields.integer(p, "githubStars"));

        Instant submittedAt = JsonFields.instant(p, "submittedOnDailyAt");
        Instant entryPublished = JsonFields.instant(entry, "publishedAt");
        if (submittedAt == null) {
            submittedAt = entryPublished;
        }
        LocalDate day = fileDay;
        if (day == null && submittedAt != null) {
            day = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC);
        }
        if (day == null) {
            throw new MalformedRecordException("no day: neither 'paper.submittedOnDailyAt' nor 'publishedAt'");
        }
        JsonNode by = entry.get("submittedBy");
        if (by == null || !by.isObject()) {
            by = p.get("submittedOnDailyBy");
        }
        DailyEntry.Submitter submitter = null;
        if (by != null && by.isObject()) {
            String name = firstNonNull(text(by, "name"), text(by, "user"));
            if (name != null) {
                submitter = new DailyEntry.Submitter(name, text(by, "fullname"), text(by, "avatarUrl"));
            }
        }
        JsonNode org = entry.get("organization");
        if (org == null || !org.isObject()) {
            org = p.get("organization");
        }
        DailyEntry.Organization organization = null;
        if (org != null && org.isObject() && text(org, "name") != null) {
            organization = new DailyEntry.Organization(
                    text(org, "name"),
                    text(org, "fullname"),
                    firstNonNull(text(org, "avatar"), text(org, "avatarUrl")));
        }
        Integer comments = JsonFields.integer(entry, "numComments");
        DailyEntry daily =
                new DailyEntry(id, day, submittedAt, submitter, comments == null ? 0 : comments, organization);
        return new PaperRecord(paper, daily);
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
