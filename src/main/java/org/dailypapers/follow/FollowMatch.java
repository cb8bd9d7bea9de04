package org.dailypapers.follow;

import java.util.List;
import java.util.Set;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/** Whether a paper matches a follow's target (keywords aside), and the reason that says so. */
final class FollowMatch {

    private FollowMatch() {}

    /**
     * @param searchHits for a saved search, the ids its query finds
     * @param claimedNames for a claimed author, the normalised names of their confirmed claims
     */
    static Recommendation.@Nullable Reason reason(
            Follow f, Paper paper, @Nullable DailyEntry entry, Set<String> searchHits, List<String> claimedNames) {
        return switch (f.kind()) {
            case AUTHOR -> {
                String wanted = Ranking.normalize(f.target());
                yield paper.authors().stream()
                        .filter(a -> Ranking.normalize(a).equals(wanted))
                        .findFirst()
                        .map(a -> new Recommendation.Reason(
                                Recommendation.Kind.FOLLOW, "By " + a + ", whom you follow", f.href()))
                        .orElse(null);
            }
            case CLAIMED_AUTHOR ->
                paper.authors().stream()
                        .filter(a -> claimedNames.contains(Ranking.normalize(a)))
                        .findFirst()
                        .map(a -> new Recommendation.Reason(
                                Recommendation.Kind.FOLLOW,
                                "By " + a + " (@" + f.target() + "), whom you follow",
                                f.href()))
                        .orElse(null);
            case ORGANIZATION -> {
                DailyEntry.Organization org = entry == null ? null : entry.organization();
                boolean match = org != null
                        && (org.name().equalsIgnoreCase(f.target())
                                || (org.fullname() != null && org.fullname().equalsIgnoreCase(f.target())));
                yield match
                        ? new Recommendation.Reason(
                                Recommendation.Kind.FOLLOW,
                                "From " + (org.fullname() == null ? org.name() : org.fullname()) + ", which you follow",
                                f.href())
                        : null;
            }
            case CATEGORY ->
                inCategory(paper, f.target())
                        ? new Recommendation.Reason(
                                Recommendation.Kind.FOLLOW, "In " + f.target() + ", which you follow", f.href())
                        : null;
            case SEARCH ->
                searchHits.contains(paper.id().id())
                        ? new Recommendation.Reason(
                                Recommendation.Kind.SEARCH,
                                "Matches your search \u201c" + f.target() + "\u201d",
                                f.href())
                        : null;
        };
    }

    /** A category matches itself; an archive such as {@code cs} matches its categories. */
    static boolean inCategory(Paper paper, String wanted) {
        for (String have : paper.categories()) {
            if (have.equals(wanted) || (!wanted.contains(".") && have.startsWith(wanted + "."))) {
                return true;
            }
        }
        return false;
    }
}
