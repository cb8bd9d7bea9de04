package org.dailypapers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.Paper;
import org.dailypapers.shared.Timestamps;
import org.dailypapers.shared.WebLinks;
import org.dailypapers.summary.PaperSummary;
import org.jspecify.annotations.Nullable;

/**
 * Hugging Face's JSON shapes. Field names are HF's; additions (categories, arXiv links) are extra fields that HF
 * clients keep as attributes. Users carry both {@code name} (HF API) and {@code user} (what
 * {@code huggingface_hub.User} reads).
 */
public final class HfJson {

    private HfJson() {}

    /**
     * An author as HF writes one. HF's {@code hidden} flag is not part of the catalog, so it is left out rather than
     * always written as {@code false}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(
            String name,
            String user,
            @Nullable String fullname,
            @Nullable String avatarUrl,
            @Nullable String type,
            @Nullable Boolean isPro) {

        static @Nullable User of(DailyEntry.@Nullable Submitter s) {
            return s == null
                    ? null
                    : new User(
                            s.name(),
                            s.name(),
                            s.fullname() == null ? s.name() : s.fullname(),
                            WebLinks.webOrSitePathOrNull(s.avatarUrl()),
                            // HF's account type and Pro flag are not in the catalog: left out, not made up
                            null,
                            null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(
            String name, @Nullable String fullname, @Nullable String avatar, @Nullable String avatarUrl) {

        static @Nullable Organization of(DailyEntry.@Nullable Organization o) {
            if (o == null) {
                return null;
            }
            String avatar = WebLinks.webOrSitePathOrNull(o.avatarUrl());
            return new Organization(o.name(), o.fullname(), avatar, avatar);
        }
    }

    /** The {@code paper} object of HF's API, also the body of {@code GET /api/papers/{id}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaperJson(
            String id,
            List<Author> authors,
            @Nullable String publishedAt,
            @Nullable String submittedOnDailyAt,
            @Nullable User submittedOnDailyBy,
            String title,
            String summary,
            int upvotes,
            @Nullable String githubRepo,
            @Nullable String projectPage,
            @Nullable Integer githubStars,
            @Nullable Organization organization,
            List<String> categories,
            @Nullable String primaryCategory,
            int version,
            @Nullable String comments,
            @JsonProperty("journalRef") @Nullable String journalRef,
            @Nullable String doi,
            @Nullable String license,
            String arxivUrl,
            String pdfUrl,
            @JsonProperty("ai_summary") @Nullable String aiSummary,
            @JsonProperty("ai_keywords") @Nullable List<String> aiKeywords) {

        public static PaperJson of(Paper p, @Nullable DailyEntry e) {
            return of(p, e, PaperSummary.NONE);
        }

        /** With the paper's {@code ai_summary} and {@code ai_keywords}: Hugging Face's, else ours. */
        public static PaperJson of(Paper p, @Nullable DailyEntry e, PaperSummary s) {
            return new PaperJson(
                    p.id().id(),
                    p.authors().stream().map(Author::new).toList(),
                    Timestamps.formatNullable(p.publishedAt()),
                    e == null ? null : Timestamps.formatNullable(e.submittedAt()),
                    e == null ? null : User.of(e.submittedBy()),
                    p.title(),
                    p.abstractText(),
                    p.upvotes(),
                    // checked again on output: only http(s) links leave the API, whatever the catalog holds
                    WebLinks.webLinkOrNull(p.githubRepo().orElse(null)),
                    WebLinks.webLinkOrNull(p.projectPage().orElse(null)),
                    p.githubStars(),
                    e == null ? null : Organization.of(e.organization()),
                    p.categories(),
                    p.primaryCategory().orElse(null),
                    p.version(),
                    p.comments(),
                    p.journalRef(),
                    p.doi(),
                    p.license(),
                    p.absUrl(),
                    p.pdfUrl(),
                    s.summary(),
                    s.keywords().isEmpty() ? null : s.keywords());
        }
    }

    /**
     * One element of {@code /api/daily_papers}: the paper plus the submission to Daily Papers. {@code ai_summary}
     * and {@code ai_keywords} sit inside {@code paper} as on Hugging Face and also at the top, where
     * {@code huggingface_hub.PaperInfo} reads them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DailyPaperJson(
            PaperJson paper,
            @Nullable String publishedAt,
            String title,
            String summary,
            int numComments,
            @Nullable User submittedBy,
            @Nullable Organization organization,
            @Nullable Boolean isAuthorParticipating,
            @JsonProperty("ai_summary") @Nullable String aiSummary,
            @JsonProperty("ai_keywords") @Nullable List<String> aiKeywords) {

        /**
         * With HF's {@code isAuthorParticipating}: whether an author of the paper has a confirmed authorship claim
         * here. Answers built without that knowledge leave the field out instead of saying {@code false}.
         */
        public DailyPaperJson withAuthorParticipating(boolean participating) {
            return new DailyPaperJson(
                    paper,
                    publishedAt,
                    title,
                    summary,
                    numComments,
                    submittedBy,
                    organization,
                    participating,
                    aiSummary,
                    aiKeywords);
        }

        public static DailyPaperJson of(DailyPaper dp) {
            return of(dp, PaperSummary.NONE);
        }

        public static DailyPaperJson of(DailyPaper dp, PaperSummary s) {
            Paper p = dp.paper();
            DailyEntry e = dp.entry();
            PaperJson paper = PaperJson.of(p, e, s);
            return new DailyPaperJson(
                    paper,
                    Timestamps.formatNullable(e.submittedAt() != null ? e.submittedAt() : p.publishedAt()),
                    p.title(),
                    p.abstractText(),
                    e.numComments(),
                    User.of(e.submittedBy()),
                    Organization.of(e.organization()),
                    null,
                    paper.aiSummary(),
                    paper.aiKeywords());
        }

        /** A paper without a daily entry (search results) in the same shape. */
        public static DailyPaperJson of(Paper p, @Nullable DailyEntry e) {
            return of(p, e, PaperSummary.NONE);
        }

        public static DailyPaperJson of(Paper p, @Nullable DailyEntry e, PaperSummary s) {
            if (e != null) {
                return of(new DailyPaper(e, p), s);
            }
            PaperJson paper = PaperJson.of(p, null, s);
            return new DailyPaperJson(
                    paper,
                    Timestamps.formatNullable(p.publishedAt()),
                    p.title(),
                    p.abstractText(),
                    0,
                    null,
                    null,
                    null,
                    paper.aiSummary(),
                    paper.aiKeywords());
        }
    }
}
