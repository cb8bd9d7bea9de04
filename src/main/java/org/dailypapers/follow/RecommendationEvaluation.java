package org.dailypapers.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.springframework.stereotype.Service;

/**
 * The replay evaluation of "For you" ({@code eval --recommendations}) over a catalog holding daily entries with
 * submitters (the 2025 Hugging Face data). Each submitter with at least {@link #MIN_SUBMISSIONS} submissions is a
 * reader: the first 70 % of their submissions in time are their upvotes, the rest is held out. Candidates are all
 * papers of the daily feed after the day of their last "upvote"; a method ranks them and is judged on the held-out
 * papers among them (binary relevance; Recall@20 = held-out papers in the top 20 / held-out papers among the
 * candidates; nDCG@20 with the ideal list of min(20, held-out) hits), averaged over readers.
 *
 * <p>{@code ours} is {@link Ranking#rank} with the product's weights and the search module's similar papers, as the
 * page runs it; {@code bm25-titles} searches the candidates (BM25, the product's keyword search) with the words of
 * the seed papers' titles; {@code trending} is the window's most upvoted papers.
 */
@Service
public class RecommendationEvaluation {

    public static final int MIN_SUBMISSIONS = 10;
    static final double SEED_SHARE = 0.7;
    static final int K = 20;
    /** Each word becomes a clause per searched field; Lucene allows 1,024 clauses in all. */
    private static final int MAX_QUERY_WORDS = 250;

    private static final int BM25_POOL = 4_000;

    private final PaperCatalog catalog;
    private final SearchService search;
    private final ForYouProperties properties;

    RecommendationEvaluation(PaperCatalog catalog, SearchService search, ForYouProperties properties) {
        this.catalog = catalog;
        this.search = search;
        this.properties = properties;
    }

    /** One method's figures. */
    public record Figures(String method, int users, double recall, double ndcg) {

        /** {@code recommendations ours users=16 Recall@20=0.1234 nDCG@20=0.2345} */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "recommendations %s users=%d Recall@%d=%.4f nDCG@%d=%.4f",
                    method,
                    users,
                    K,
                    recall,
                    K,
                    ndcg);
        }
    }

    private record Reader(String name, List<DailyPaper> seeds, LocalDate cutoff, Set<String> heldOut) {}

    /** Figures for {@code ours}, {@code bm25-titles} and {@code trending}, in that order. */
    public List<Figures> run() {
        LocalDate last = catalog.latestDay().orElse(null);
        if (last == null) {
            throw new IllegalStateException("the catalog has no daily entries to replay");
        }
        List<DailyPaper> all = catalog.daily(
                        new DailyQuery(LocalDate.of(1990, 1, 1), last, DailySort.PUBLISHED_AT, null, null),
                        0,
                        1_000_000)
                .items();
        List<Reader> readers = readers(all);
        if (readers.isEmpty()) {
            throw new IllegalStateException("no submitter has " + MIN_SUBMISSIONS + " or more daily entries");
        }
        double[][] sums = new double[3][2];
        int users = 0;
        for (Reader r : readers) {
            List<DailyPaper> candidates = all.stream()
                    .filter(dp -> dp.entry().day().isAfter(r.cutoff()))
                    .toList();
            Set<String> relevant = new HashSet<>(r.heldOut());
            relevant.retainAll(
                    candidates.stream().map(dp -> dp.paper().id().id()).toList());
            if (relevant.isEmpty()) {
                continue;
            }
            users++;
            List<List<String>> rankings = List.of(ours(r, candidates), bm25Titles(r, candidates), trending(candidates));
            for (int m = 0; m < 3; m++) {
                sums[m][0] += recall(rankings.get(m), relevant);
                sums[m][1] += ndcg(rankings.get(m), relevant);
            }
        }
        List<String> names = List.of("ours", "bm25-titles", "trending");
        List<Figures> out = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            out.add(new Figures(
                    names.get(m), users, users == 0 ? 0 : sums[m][0] / users, users == 0 ? 0 : sums[m][1] / users));
        }
        return out;
    }

    private static List<Reader> readers(List<DailyPaper> all) {
        Map<String, List<DailyPaper>> bySubmitter = new LinkedHashMap<>();
        for (DailyPaper dp : all) {
            DailyEntry.Submitter s = dp.entry().submittedBy();
            if (s != null && !s.name().isBlank()) {
                bySubmitter.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(dp);
            }
        }
        List<Reader> readers = new ArrayList<>();
        bySubmitter.entrySet().stream()
                .filter(e -> e.getValue().size() >= MIN_SUBMISSIONS)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    List<DailyPaper> inTime = e.getValue().stream()
                            .sorted(Comparator.comparing(RecommendationEvaluation::when)
                                    .thenComparing(dp -> dp.paper().id().id()))
                            .toList();
                    int seeds = (int) Math.round(inTime.size() * SEED_SHARE);
                    List<DailyPaper> seedList = inTime.subList(0, seeds);
                    Set<String> held = new LinkedHashSet<>();
                    inTime.subList(seeds, inTime.size())
                            .forEach(dp -> held.add(dp.paper().id().id()));
                    readers.add(new Reader(
                            e.getKey(), seedList, seedList.getLast().entry().day(), held));
                });
        return readers;
    }

    private static Instant when(DailyPaper dp) {
        Instant at = dp.entry().submittedAt();
        return at != null
                ? at
                : dp.entry().day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The product's ranking: the seeds are the reader's upvotes, newest first. */
    private List<String> ours(Reader r, List<DailyPaper> candidates) {
        List<Ranking.Seed> seeds = new ArrayList<>();
        for (int i = r.seeds().size() - 1; i >= 0; i--) {
            var p = r.seeds().get(i).paper();
            seeds.add(new Ranking.Seed(p.id(), p.title(), p.authors(), LikedPaper.How.UPVOTED));
        }
        Map<String, Map<String, Double>> memo = new HashMap<>();
        Ranking.Neighbours neighbours = id -> memo.computeIfAbsent(id.id(), k -> {
            Map<String, Double> near = new HashMap<>();
            for (SearchHit h : search.similarTo(id, properties.neighbours())) {
                near.merge(h.id().withoutVersion().id(), h.score(), Math::max);
            }
            return near;
        });
        return Ranking.rank(
                        new Ranking.Profile(seeds, List.of(), Map.of()),
                        candidates.stream()
                                .map(dp -> new Ranking.Candidate(dp.paper(), dp.entry()))
                                .toList(),
                        neighbours,
                        K,
                        Ranking.Weights.DEFAULT)
                .stream()
                .map(x -> x.paper().id().id())
                .toList();
    }

    /** BM25 over the catalog with the seed titles' words, kept to the candidates. */
    private List<String> bm25Titles(Reader r, List<DailyPaper> candidates) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DailyPaper dp : r.seeds()) {
            for (String w : dp.paper().title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() > 1 && !w.equals("and") && !w.equals("or") && !w.equals("not")) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> words = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_QUERY_WORDS)
                .map(Map.Entry::getKey)
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        SearchResult result = search.search(new SearchRequest(
                String.join(" OR ", words),
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.RELEVANCE,
                0,
                BM25_POOL));
        if (result.error() != null) {
            throw new IllegalStateException("bm25-titles query refused for " + r.name() + ": " + result.error());
        }
        Set<String> pool = new HashSet<>();
        candidates.forEach(dp -> pool.add(dp.paper().id().id()));
        return result.hits().stream()
                .map(h -> h.id().withoutVersion().id())
                .filter(pool::contains)
                .distinct()
                .limit(K)
                .toList();
    }

    /** The window's most upvoted papers. */
    private static List<String> trending(List<DailyPaper> candidates) {
        return candidates.stream()
                .sorted(Comparator.comparingInt((DailyPaper dp) -> -dp.paper().upvotes())
                        .thenComparing(dp -> dp.paper().id().id()))
                .limit(K)
                .map(dp -> dp.paper().id().id())
                .toList();
    }

    static double recall(List<String> ranked, Set<String> relevant) {
        long hits = ranked.stream().limit(K).filter(relevant::contains).count();
        return (double) hits / relevant.size();
    }

    static double ndcg(List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(K, relevant.size()); i++) {
            idcg += 1 / log2(i + 2);
        }
        return dcg / idcg;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
