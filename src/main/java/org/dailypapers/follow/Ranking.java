package org.dailypapers.follow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * The one ranking of "For you": the page, its API and feed, the digest's section and the replay evaluation all call
 * {@link #rank}. Pure: what it knows comes in as arguments, so that the evaluation runs exactly this code.
 *
 * <p>A candidate's score adds up
 *
 * <ul>
 *   <li>its similarity to the liked papers: the best one plus a share of the next two, so a paper near several
 *       liked papers beats one near a single outlier;
 *   <li>a bonus per author it shares with the liked papers (groups publish on one topic, and readers follow groups);
 *   <li>a large bonus when it matches a follow, which the reader asked for in so many words;
 *   <li>a small popularity prior (log of upvotes), which only orders papers the other signals find equal;
 *   <li>minus its similarity to papers marked "not interested".
 * </ul>
 */
final class Ranking {

    /** Tuning of the score, the same for every caller. */
    record Weights(
            double secondAndThird,
            double sharedAuthor,
            int maxSharedAuthors,
            double follow,
            double popularity,
            double dismissed,
            int seedsForSimilarity) {

        static final Weights DEFAULT = new Weights(0.5, 0.08, 2, 1.0, 0.01, 0.6, 20);
    }

    /** A liked paper. */
    record Seed(ArxivId id, String title, List<String> authors, LikedPaper.How how) {}

    /** A paper that may be recommended. */
    record Candidate(Paper paper, @Nullable DailyEntry entry) {}

    /** Similar papers of a paper: id (without version) → similarity, higher is closer. */
    interface Neighbours {
        Map<String, Double> of(ArxivId paper);
    }

    /**
     * What is known about the reader.
     *
     * @param seeds liked papers, most recent first
     * @param dismissed papers marked "not interested" (newest first); they never appear, and their neighbours are
     *     demoted
     * @param followed candidates that match a follow: id → the follow and how it reads
     */
    record Profile(List<Seed> seeds, List<ArxivId> dismissed, Map<String, Recommendation.Reason> followed) {}

    private Ranking() {}

    static List<Recommendation> rank(
            Profile profile, List<Candidate> candidates, Neighbours neighbours, int limit, Weights w) {
        Set<String> excluded = new HashSet<>();
        profile.seeds().forEach(s -> excluded.add(s.id().withoutVersion().id()));
        profile.dismissed().forEach(d -> excluded.add(d.withoutVersion().id()));
        Map<String, Candidate> pool = new HashMap<>();
        for (Candidate c : candidates) {
            if (!excluded.contains(c.paper().id().id())) {
                pool.putIfAbsent(c.paper().id().id(), c);
            }
        }
        if (pool.isEmpty()) {
            return List.of();
        }
        // similarity: the three best seeds per candidate
        Map<String, double[]> top = new HashMap<>();
        Map<String, Seed> because = new HashMap<>();
        for (Seed seed : profile.seeds().stream().limit(w.seedsForSimilarity()).toList()) {
            for (Map.Entry<String, Double> near : neighbours.of(seed.id()).entrySet()) {
                if (!pool.containsKey(near.getKey())) {
                    continue;
                }
                double s = near.getValue();
                double[] best =
                        top.computeIfAbsent(near.getKey(), k -> new double[] {Double.NaN, Double.NaN, Double.NaN});
                if (Double.isNaN(best[0]) || s > best[0]) {
                    best[2] = best[1];
                    best[1] = best[0];
                    best[0] = s;
                    because.put(near.getKey(), seed);
                } else if (Double.isNaN(best[1]) || s > best[1]) {
                    best[2] = best[1];
                    best[1] = s;
                } else if (Double.isNaN(best[2]) || s > best[2]) {
                    best[2] = s;
                }
            }
        }
        Map<String, Double> penalty = new HashMap<>();
        for (ArxivId d :
                profile.dismissed().stream().limit(NotInterested.DEMOTING).toList()) {
            neighbours.of(d).forEach((id, s) -> {
                if (pool.containsKey(id)) {
                    penalty.merge(id, s, Math::max);
                }
            });
        }
        Map<String, Seed> seedByAuthor = new HashMap<>();
        for (Seed s : profile.seeds()) {
            for (String a : s.authors()) {
                seedByAuthor.putIfAbsent(normalize(a), s);
            }
        }
        List<Recommendation> ranked = new ArrayList<>();
        for (Candidate c : pool.values()) {
            String id = c.paper().id().id();
            List<Recommendation.Reason> reasons = new ArrayList<>();
            double score = 0;
            Recommendation.Reason followed = profile.followed().get(id);
            if (followed != null) {
                score += w.follow();
                reasons.add(followed);
            }
            double[] best = top.get(id);
            if (best != null) {
                score += best[0];
                if (!Double.isNaN(best[1])) {
                    score += w.secondAndThird() * (best[1] + (Double.isNaN(best[2]) ? 0 : best[2])) / 2;
                }
                Seed seed = because.get(id);
                reasons.add(new Recommendation.Reason(
                        Recommendation.Kind.SIMILAR,
                        "Similar to \u201c" + seed.title() + "\u201d "
                                + seed.how().phrase(),
                        "/papers/" + seed.id().withoutVersion().id()));
            }
            int shared = 0;
            for (String author : c.paper().authors()) {
                Seed seed = seedByAuthor.get(normalize(author));
                if (seed == null) {
                    continue;
                }
                if (shared == 0) {
                    reasons.add(
                            Math.min(reasons.size(), followed == null ? 0 : 1),
                            new Recommendation.Reason(
                                    Recommendation.Kind.SAME_AUTHOR,
                                    "By " + author + ", who also wrote \u201c" + seed.title() + "\u201d "
                                            + seed.how().phrase(),
                                    "/authors/"
                                            + org.springframework.web.util.UriUtils.encodePathSegment(
                                                    author, java.nio.charset.StandardCharsets.UTF_8)));
                }
                if (++shared >= w.maxSharedAuthors()) {
                    break;
                }
            }
            score += w.sharedAuthor() * shared;
            if (reasons.isEmpty()) {
                continue;
            }
            score += w.popularity() * Math.log1p(Math.max(0, c.paper().upvotes()));
            score -= w.dismissed() * penalty.getOrDefault(id, 0.0);
            ranked.add(new Recommendation(c.paper(), c.entry(), score, reasons));
        }
        ranked.sort(Comparator.comparingDouble(Recommendation::score)
                .reversed()
                .thenComparing(r -> r.paper().id().id()));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
