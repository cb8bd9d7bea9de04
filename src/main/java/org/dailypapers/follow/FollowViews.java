package org.dailypapers.follow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * The records the follow templates render. Public only because precompiled JTE templates live in their own
 * package; nothing else uses them.
 */
public final class FollowViews {

    private FollowViews() {}

    /** A recommended paper as a card of the "For you" page. */
    public record Card(
            String id,
            String domId,
            String title,
            String href,
            String summary,
            int authorCount,
            List<String> firstAuthors,
            @Nullable String dateIso,
            String dateLabel,
            int upvotes,
            boolean upvoted,
            @Nullable String primaryCategory,
            Recommendation.Reason reason,
            List<Recommendation.Reason> moreReasons) {

        static Card of(Recommendation r, boolean upvoted) {
            Paper p = r.paper();
            LocalDate day = r.entry() != null
                    ? r.entry().day()
                    : p.publishedAt() == null
                            ? null
                            : p.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
            return new Card(
                    p.id().id(),
                    p.id().id().replaceAll("[^A-Za-z0-9]", "-"),
                    p.title(),
                    "/papers/" + p.id().id(),
                    shorten(p.abstractText(), 320),
                    p.authors().size(),
                    p.authors().stream().limit(3).toList(),
                    day == null ? null : day.toString(),
                    day == null
                            ? ""
                            : DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
                                    .format(day),
                    p.upvotes(),
                    upvoted,
                    p.primaryCategory().orElse(null),
                    r.reason(),
                    r.reasons().subList(1, r.reasons().size()));
        }
    }

    /**
     * The "For you" page.
     *
     * @param newFeedUrl the private feed URL just made (shown once; only its hash is kept), or null
     */
    public record ForYouPage(
            List<Card> cards,
            int days,
            List<Integer> dayChoices,
            int likes,
            int follows,
            boolean feedActive,
            @Nullable String newFeedUrl,
            List<String> hidden) {}

    /** The follows page, with the add form (prefilled from a "Follow" link) and the last error. */
    public record FollowsPage(
            List<Follow> follows,
            String kind,
            String target,
            String include,
            String exclude,
            @Nullable String error,
            List<Follow.Kind> kinds) {}

    /**
     * The follow button of an author, organisation, category or search page.
     *
     * @param follow the reader's follow of this target, or null
     * @param signedIn false shows a link to the log-in page instead of a form
     */
    public record Button(String kind, String target, String label, @Nullable Follow follow, boolean signedIn) {}

    static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "\u2026";
    }
}
