package org.dailypapers.follow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * "For you": recent papers ranked for one reader by {@link Ranking}, from their likes (upvotes and collections,
 * through {@link InterestSource}), their follows and their "not interested" marks. The page, the API, the private
 * feed and the digest's section all come from here.
 */
@Service
public class ForYou {

    private static final Logger log = LoggerFactory.getLogger(ForYou.class);

    /** The window's papers read before ranking; a week of a busy feed stays well below it. */
    private static final int WINDOW_POOL = 2_000;

    private static final int LIKED_PAPERS_CONSIDERED = 50;
    private static final int SEARCH_MATCHES = 200;

    private final PaperCatalog catalog;
    private final ObjectProvider<SearchService> search;
    private final ObjectProvider<InterestSource> interests;
    private final Follows follows;
    private final NotInterested notInterested;
    private final FeedTokens feedTokens;
    private final AccountService accounts;
    private final ForYouProperties properties;

    ForYou(
            PaperCatalog catalog,
            ObjectProvider<SearchService> search,
            ObjectProvider<InterestSource> interests,
            Follows follows,
            NotInterested notInterested,
            FeedTokens feedTokens,
            AccountService accounts,
            ForYouProperties properties) {
        this.catalog = catalog;
        this.search = search;
        this.interests = interests;
        this.follows = follows;
        this.notInterested = notInterested;
        this.feedTokens = feedTokens;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The default window in feed days. */
    public int defaultDays() {
        return properties.days();
    }

    public int maxDays() {
        return properties.maxDays();
    }

    /** The reader's page: the last {@code days} feed days (ending at the newest), best first. */
    public List<Recommendation> forReader(AccountPrincipal reader, int days, int limit) {
        int d = Math.max(1, Math.min(properties.maxDays(), days));
        LocalDate latest = catalog.latestDay().orElse(null);
        if (latest == null) {
            return List.of();
        }
        List<DailyPaper> window = catalog.daily(
                        new DailyQuery(latest.minusDays(d - 1L), latest, DailySort.TRENDING, null, null),
                        0,
                        WINDOW_POOL)
                .items();
        return rank(reader.id(), reader.email(), window, Set.of(), limit);
    }

    /**
     * Ranks given papers (a digest's period) for the reader with this address; an address without an account gets
     * nothing.
     *
     * @param exclude papers shown elsewhere in the same mail
     */
    public List<Recommendation> rank(String email, List<DailyPaper> window, Set<ArxivId> exclude, int limit) {
        // An address without an account still has whatever the interest source knows of it, but no follows.
        Long userId = accounts.findByEmail(email).map(a -> a.id()).orElse(null);
        return rank(userId, email, window, exclude, limit);
    }

    private List<Recommendation> rank(
            @Nullable Long userId, String email, List<DailyPaper> window, Set<ArxivId> exclude, int limit) {
        Set<String> skip = new HashSet<>();
        exclude.forEach(id -> skip.add(id.withoutVersion().id()));
        List<Ranking.Candidate> candidates = window.stream()
                .filter(dp -> !skip.contains(dp.paper().id().id()))
                .map(dp -> new Ranking.Candidate(dp.paper(), dp.entry()))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        InterestSource source = interests.getIfAvailable();
        List<LikedPaper> liked = source == null
                ? List.of()
                : source.likedPapers(email).stream()
                        .limit(LIKED_PAPERS_CONSIDERED)
                        .toList();
        Map<String, Paper> likedPapers = new HashMap<>();
        catalog.findAll(liked.stream().map(l -> l.id().withoutVersion()).toList())
                .forEach(p -> likedPapers.put(p.id().id(), p));
        List<Ranking.Seed> seeds = new ArrayList<>();
        for (LikedPaper l : liked) {
            Paper p = likedPapers.get(l.id().withoutVersion().id());
            if (p != null) {
                seeds.add(new Ranking.Seed(p.id(), p.title(), p.authors(), l.how()));
            }
        }
        Map<String, Recommendation.Reason> followed =
                userId == null ? Map.of() : followed(follows.list(userId), candidates, source);
        List<ArxivId> dismissed = userId == null ? List.of() : notInterested.of(userId);
        Ranking.Profile profile = new Ranking.Profile(seeds, dismissed, followed);
        return Ranking.rank(profile, candidates, neighbours(), limit, Ranking.Weights.DEFAULT);
    }

    private Ranking.Neighbours neighbours() {
        SearchService service = search.getIfAvailable();
        if (service == null) {
            return id -> Map.of();
        }
        Map<String, Map<String, Double>> memo = new HashMap<>();
        return id -> memo.computeIfAbsent(id.withoutVersion().id(), k -> {
            Map<String, Double> near = new LinkedHashMap<>();
            for (SearchHit hit : service.similarTo(id.withoutVersion(), properties.neighbours())) {
                near.merge(hit.id().withoutVersion().id(), hit.score(), Math::max);
            }
            return near;
        });
    }

    /** Candidates that match a follow, each with the first follow that matches it. */
    private Map<String, Recommendation.Reason> followed(
            List<Follow> list, List<Ranking.Candidate> candidates, @Nullable InterestSource source) {
        Map<String, Recommendation.Reason> out = new HashMap<>();
        for (Follow f : list) {
            Set<String> searchHits = f.kind() == Follow.Kind.SEARCH ? searchMatches(f.target()) : Set.of();
            List<String> claimed = f.kind() == Follow.Kind.CLAIMED_AUTHOR && source != null
                    ? source.claimedAuthorNames(f.target()).stream()
                            .map(Ranking::normalize)
                            .toList()
                    : List.of();
            for (Ranking.Candidate c : candidates) {
                String id = c.paper().id().id();
                if (out.containsKey(id)) {
                    continue;
                }
                Recommendation.Reason reason = FollowMatch.reason(f, c.paper(), c.entry(), searchHits, claimed);
                if (reason != null
                        && f.keywordsAllow(c.paper().title() + " " + c.paper().abstractText())) {
                    out.put(id, reason);
                }
            }
        }
        return out;
    }

    /** The newest papers matching a saved search, by keywords only (a dense search matches everything a little). */
    private Set<String> searchMatches(String query) {
        SearchService service = search.getIfAvailable();
        if (service == null) {
            return Set.of();
        }
        SearchResult result = service.search(new SearchRequest(
                query, SearchMode.BM25, null, null, List.of(), false, null, SearchSort.DATE, 0, SEARCH_MATCHES));
        if (result.error() != null) {
            log.debug("saved search \"{}\" cannot run: {}", query, result.error());
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        result.hits().forEach(h -> ids.add(h.id().withoutVersion().id()));
        return ids;
    }

    /** Hides the paper from the reader's ranking and demotes papers like it. */
    public void notInterested(long userId, ArxivId id) {
        notInterested.mark(userId, id);
    }

    /** Undoes {@link #notInterested}; false when the paper was not marked. */
    public boolean undoNotInterested(long userId, ArxivId id) {
        return notInterested.undo(userId, id);
    }

    public List<ArxivId> notInterested(long userId) {
        return notInterested.of(userId);
    }

    /** A new private feed token (the URL is {@code /for-you/feed/TOKEN.atom}); the old URL stops working. */
    public String renewFeedToken(long userId) {
        return feedTokens.renew(userId);
    }

    public void revokeFeedToken(long userId) {
        feedTokens.revoke(userId);
    }

    public boolean hasFeedToken(long userId) {
        return feedTokens.exists(userId);
    }

    /** The reader a feed token belongs to, if it is still valid. */
    public java.util.Optional<AccountPrincipal> feedReader(String token) {
        return feedTokens.owner(token).flatMap(accounts::findById).map(a -> a.principal());
    }
}
