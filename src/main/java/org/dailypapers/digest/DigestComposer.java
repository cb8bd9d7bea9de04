package org.dailypapers.digest;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.follow.ForYou;
import org.dailypapers.follow.VersionUpdates;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Chooses the papers of one subscriber's digest. Periods follow the catalog's newest feed day rather than the wall
 * clock, so an instance whose harvest paused sends nothing instead of repeating old papers.
 */
@Component
class DigestComposer {

    private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);

    /** Trending with category filters reads this many of the window's papers before filtering. */
    private static final int FILTER_POOL = 1_000;

    private static final int FOR_YOU_COUNT = 5;
    private static final int MATCHES_PER_SEARCH = 5;

    private final PaperCatalog catalog;
    private final ObjectProvider<SearchService> search;
    private final ObjectProvider<ForYou> forYou;
    private final ObjectProvider<VersionUpdates> versionUpdates;
    private final Map<String, List<DailyPaper>> windows = new java.util.concurrent.ConcurrentHashMap<>();

    DigestComposer(
            PaperCatalog catalog,
            ObjectProvider<SearchService> search,
            ObjectProvider<ForYou> forYou,
            ObjectProvider<VersionUpdates> versionUpdates) {
        this.catalog = catalog;
        this.search = search;
        this.forYou = forYou;
        this.versionUpdates = versionUpdates;
    }

    record Period(String key, LocalDate from, LocalDate to) {}

    /** The period a subscriber's next mail covers, or empty when no feed day is new to them. */
    static Optional<Period> period(Subscription s, LocalDate latest) {
        LocalDate from = s.frequency() == Subscription.Frequency.DAILY ? latest : latest.minusDays(6);
        LocalDate last = s.lastPeriodEnd();
        if (last != null && !last.isBefore(from)) {
            from = last.plusDays(1);
        }
        if (from.isAfter(latest)) {
            return Optional.empty();
        }
        String key = s.frequency() == Subscription.Frequency.DAILY
                ? "day:" + latest
                : String.format(
                        Locale.ROOT,
                        "week:%d-W%02d",
                        latest.get(IsoFields.WEEK_BASED_YEAR),
                        latest.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return Optional.of(new Period(key, from, latest));
    }

    Optional<Period> period(Subscription s) {
        return catalog.latestDay().flatMap(latest -> period(s, latest));
    }

    /** Empty when nothing in the period is new to the subscriber. */
    Optional<Digest> compose(Subscription s, Period period) {
        List<Digest.Section> sections = new ArrayList<>();
        Set<ArxivId> shown = new HashSet<>();
        List<DailyPaper> window = window(period, s.categories());
        if (s.trendingCount() > 0) {
            List<Digest.Item> items = window.stream()
                    .limit(s.trendingCount())
                    .map(dp -> new Digest.Item(dp.paper(), null))
                    .toList();
            items.forEach(i -> shown.add(i.paper().id()));
            if (!items.isEmpty()) {
                sections.add(new Digest.Section(
                        s.frequency() == Subscription.Frequency.DAILY ? "Trending today" : "Trending this week",
                        s.categories().isEmpty() ? null : "In " + String.join(", ", s.categories()),
                        items));
            }
        }
        if (s.forYou()) {
            List<Digest.Item> forYou = forYou(s.email(), window, shown);
            forYou.forEach(i -> shown.add(i.paper().id()));
            if (!forYou.isEmpty()) {
                sections.add(new Digest.Section("For you", "Recent papers close to what you liked", forYou));
            }
        }
        for (String query : s.savedSearches()) {
            List<Digest.Item> matches = savedSearch(query, period, s.categories());
            if (!matches.isEmpty()) {
                sections.add(new Digest.Section("New for \u201c" + query + "\u201d", "Saved search", matches));
            }
        }
        List<Digest.Item> updated = updated(s.email(), period);
        if (!updated.isEmpty()) {
            sections.add(new Digest.Section("Updated", "New arXiv versions of papers you follow or liked", updated));
        }
        List<Digest.Item> published = published(s.email(), period);
        if (!published.isEmpty()) {
            sections.add(new Digest.Section(
                    "Published", "Venue decisions and published versions of papers you follow or liked", published));
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Digest(period.key(), period.from(), period.to(), s.frequency(), sections));
    }

    /** The period's papers in trending order, kept to the subscriber's categories. */
    private List<DailyPaper> window(Period period, List<String> categories) {
        List<DailyPaper> all = trending(period.from(), period.to());
        if (categories.isEmpty()) {
            return all;
        }
        return all.stream().filter(dp -> inCategories(dp.paper(), categories)).toList();
    }

    /**
     * Most subscribers of a run share one or two windows; reading each once per catalog state keeps a run over
     * thousands of subscribers from re-ranking the same window thousands of times.
     */
    private List<DailyPaper> trending(LocalDate from, LocalDate to) {
        String key = from + ".." + to + "@" + catalog.lastChangeSeq();
        List<DailyPaper> cached = windows.get(key);
        if (cached != null) {
            return cached;
        }
        List<DailyPaper> fresh = catalog.daily(new DailyQuery(from, to, DailySort.TRENDING, null, null), 0, FILTER_POOL)
                .items();
        if (windows.size() > 16) {
            windows.clear();
        }
        windows.put(key, fresh);
        return fresh;
    }

    static boolean inCategories(Paper paper, List<String> categories) {
        for (String have : paper.categories()) {
            for (String want : categories) {
                if (have.equals(want) || (!want.contains(".") && have.startsWith(want + "."))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The shared "For you" ranking over the period's papers; the reason shown is the ranking's first. */
    private List<Digest.Item> forYou(String email, List<DailyPaper> window, Set<ArxivId> shown) {
        ForYou ranking = forYou.getIfAvailable();
        if (ranking == null || window.isEmpty()) {
            return List.of();
        }
        return ranking.rank(email, window, shown, FOR_YOU_COUNT).stream()
                .map(r -> new Digest.Item(r.paper(), r.reason().text()))
                .toList();
    }

    /** New arXiv versions of papers the subscriber cares about, detected since the period began. */
    private List<Digest.Item> updated(String email, Period period) {
        VersionUpdates updates = versionUpdates.getIfAvailable();
        if (updates == null) {
            return List.of();
        }
        return updates
                .forReader(
                        email,
                        period.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .stream()
                .map(u -> new Digest.Item(u.paper(), u.summary()))
                .toList();
    }

    /** Venue decisions and published records of papers the subscriber cares about, detected since the period began. */
    private List<Digest.Item> published(String email, Period period) {
        VersionUpdates updates = versionUpdates.getIfAvailable();
        if (updates == null) {
            return List.of();
        }
        return updates
                .venueForReader(
                        email,
                        period.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .stream()
                .map(u -> new Digest.Item(u.paper(), u.badge() + " (" + u.url() + ")"))
                .toList();
    }

    private List<Digest.Item> savedSearch(String query, Period period, List<String> categories) {
        SearchService searchService = search.getIfAvailable();
        if (searchService == null) {
            return List.of();
        }
        // Keywords only: a dense search always returns its nearest papers, which would make every alert non-empty.
        SearchResult result = searchService.search(new SearchRequest(
                query,
                SearchMode.BM25,
                period.from(),
                period.to(),
                categories,
                false,
                null,
                SearchSort.RELEVANCE,
                0,
                MATCHES_PER_SEARCH));
        if (result.error() != null) {
            log.warn("saved search \"{}\" cannot run: {}", query, result.error());
            return List.of();
        }
        return catalog.findAll(result.hits().stream().map(SearchHit::id).toList()).stream()
                .map(p -> new Digest.Item(p, null))
                .toList();
    }
}
