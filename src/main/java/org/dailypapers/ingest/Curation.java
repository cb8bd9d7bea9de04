package org.dailypapers.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic curation: the rule set (a YAML file, {@code dailypapers.curation.file}, by default
 * {@code curation.yml} in the home folder) and the proposals it puts on the daily feed as entries submitted by
 * {@value #SUBMITTER}. Admins take proposals off again with {@link #dismiss}; a dismissed paper is never proposed
 * again. Papers already on the feed (submitted by people) are left alone.
 */
@Service
public class Curation {

    /** The submitter name of the instance's own proposals. */
    public static final String SUBMITTER = "auto";

    static final DailyEntry.Submitter AUTO = new DailyEntry.Submitter(SUBMITTER, "dailypapers", null);

    private static final Logger log = LoggerFactory.getLogger(Curation.class);
    private static final int SEARCH_RULE_HITS = 1000;
    private static final int SIMILAR_PER_PAPER = 50;
    private static final int UPVOTE_WINDOW_DAYS = 30;

    private final Path file;
    private final PaperCatalog catalog;
    private final HarvestProgressStore store;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SearchService> search;
    private final Clock clock;

    private @Nullable CurationRules loaded;
    private @Nullable FileTime loadedModified;

    Curation(
            @Value("${dailypapers.curation.file:${dailypapers.home}/curation.yml}") Path file,
            PaperCatalog catalog,
            HarvestProgressStore store,
            TransactionTemplate transactions,
            ObjectProvider<SearchService> search,
            ObjectProvider<Clock> clock) {
        this.file = file;
        this.catalog = catalog;
        this.store = store;
        this.transactions = transactions;
        this.search = search;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Path file() {
        return file;
    }

    /**
     * The rules in force: the file as last read successfully, read again when it changed. A file that does not
     * exist means no rules; a file with mistakes keeps the previous rules in force and is reported in the log
     * ({@link #check()} reports it to the caller).
     */
    public synchronized CurationRules rules() {
        try {
            if (!Files.exists(file)) {
                loaded = CurationRules.NONE;
                loadedModified = null;
                return loaded;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (loaded == null || !modified.equals(loadedModified)) {
                try {
                    loaded = CurationFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    log.warn("curation rules not changed: {}", e.getMessage());
                    if (loaded == null) {
                        loaded = CurationRules.NONE;
                    }
                }
                loadedModified = modified;
            }
            return loaded;
        } catch (IOException e) {
            log.warn("cannot read the curation file {}: {}", file, e.getMessage());
            return loaded == null ? CurationRules.NONE : loaded;
        }
    }

    /** Reads the file and throws {@link IllegalArgumentException} naming the place of its first mistake. */
    public CurationRules check() {
        if (!Files.exists(file)) {
            return CurationRules.NONE;
        }
        try {
            return CurationFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the curation file " + file, e);
        }
    }

    /** The file's text, for editing; empty when there is none yet. */
    public String text() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the curation file " + file, e);
        }
    }

    /**
     * Replaces the file after checking the new text; a text with mistakes throws {@link IllegalArgumentException}
     * (naming the line or rule) and leaves the file as it was. Written to a temporary file and moved, so a crash
     * never leaves half a file.
     */
    public synchronized CurationRules save(String text) {
        CurationRules rules = CurationFile.parse(file.toString(), text);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "curation", ".yml.tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the curation file " + file, e);
        }
        loaded = null;
        return rules;
    }

    /**
     * Takes a proposal off the feed and keeps it off. Returns false when the paper has no entry submitted by
     * {@value #SUBMITTER} (entries of people are not curation's to remove).
     */
    public boolean dismiss(ArxivId id) {
        Boolean done = transactions.execute(status -> {
            Optional<DailyEntry> entry = catalog.findEntry(id);
            if (entry.isEmpty() || !isProposal(entry.get())) {
                return false;
            }
            store.dismiss(id, clock.instant());
            return catalog.removeDailyEntry(id);
        });
        return Boolean.TRUE.equals(done);
    }

    public static boolean isProposal(DailyEntry entry) {
        return entry.submittedBy() != null
                && SUBMITTER.equals(entry.submittedBy().name());
    }

    /**
     * The harvested records with daily entries added for the papers the rules propose (the search-based rules
     * excepted, see {@link #proposeBySearch}). Call inside the transaction that writes the page.
     */
    /** A page's records ready for the catalog, and how many of them carry a proposal. */
    record Proposals(List<PaperRecord> records, int proposed) {}

    Proposals propose(CurationRules rules, List<OaiPmhParser.Harvested> page) {
        List<PaperRecord> records = new ArrayList<>(page.size());
        int proposed = 0;
        Map<ArxivId, Curator.Match> matches = new LinkedHashMap<>();
        for (OaiPmhParser.Harvested h : page) {
            Curator.match(rules, h, false).ifPresent(m -> matches.put(h.paper().id(), m));
        }
        Set<ArxivId> blocked = blocked(matches.keySet());
        for (OaiPmhParser.Harvested h : page) {
            Curator.Match m = matches.get(h.paper().id());
            if (m == null || blocked.contains(h.paper().id())) {
                records.add(PaperRecord.of(h.paper()));
            } else {
                records.add(new PaperRecord(h.paper(), entry(h, m)));
                proposed++;
            }
        }
        return new Proposals(records, proposed);
    }

    /**
     * Rules that need the search module (a saved search, or similarity to the community's most upvoted papers):
     * answered once the harvested papers are in the catalog; papers that also meet the rule's other criteria are
     * proposed. Without a search module such rules propose nothing (logged).
     */
    int proposeBySearch(CurationRules rules, Collection<OaiPmhParser.Harvested> harvested) {
        List<CurationRule> searchRules =
                rules.rules().stream().filter(CurationRule::needsSearch).toList();
        if (searchRules.isEmpty() || harvested.isEmpty()) {
            return 0;
        }
        SearchService service = search.getIfAvailable();
        if (service == null) {
            log.warn("curation rules that need the search module are skipped: no search module in this build");
            return 0;
        }
        Map<ArxivId, OaiPmhParser.Harvested> byId = new LinkedHashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        for (OaiPmhParser.Harvested h : harvested) {
            if (!Curator.fresh(rules, h) || h.paper().publishedAt() == null) {
                continue;
            }
            byId.put(h.paper().id(), h);
            LocalDate day = LocalDate.ofInstant(h.paper().publishedAt(), ZoneOffset.UTC);
            from = from == null || day.isBefore(from) ? day : from;
            to = to == null || day.isAfter(to) ? day : to;
        }
        if (byId.isEmpty()) {
            return 0;
        }
        Map<ArxivId, PaperRecord> chosen = new LinkedHashMap<>();
        for (CurationRule rule : searchRules) {
            List<SearchHit> hits = new ArrayList<>();
            if (rule.search() != null) {
                SearchResult result = service.search(new SearchRequest(
                        rule.search(),
                        SearchMode.BM25,
                        from,
                        to,
                        List.of(),
                        false,
                        null,
                        SearchSort.RELEVANCE,
                        0,
                        SEARCH_RULE_HITS));
                if (result.error() != null) {
                    log.warn("curation rule '{}': search '{}' failed: {}", rule.name(), rule.search(), result.error());
                    continue;
                }
                hits.addAll(result.hits());
            }
            if (rule.similarToUpvoted() > 0) {
                List<SearchHit> similar = new ArrayList<>();
                for (ArxivId liked : mostUpvoted(rule.similarToUpvoted())) {
                    similar.addAll(service.similarTo(liked, SIMILAR_PER_PAPER));
                }
                if (rule.search() == null) {
                    hits.addAll(similar);
                } else {
                    // both named: a hit must be found by both
                    Set<ArxivId> similarIds = new HashSet<>();
                    similar.forEach(h -> similarIds.add(h.id().withoutVersion()));
                    hits.removeIf(h -> !similarIds.contains(h.id().withoutVersion()));
                }
            }
            for (SearchHit hit : hits) {
                OaiPmhParser.Harvested h = byId.get(hit.id().withoutVersion());
                if (h == null || chosen.containsKey(h.paper().id())) {
                    continue;
                }
                Curator.matchRule(rule, h)
                        .ifPresent(m -> chosen.put(h.paper().id(), new PaperRecord(h.paper(), entry(h, m))));
            }
        }
        Integer written = transactions.execute(status -> {
            Set<ArxivId> blocked = blocked(chosen.keySet());
            List<PaperRecord> allowed = chosen.values().stream()
                    .filter(r -> !blocked.contains(r.paper().id()))
                    .toList();
            catalog.upsert(allowed);
            return allowed.size();
        });
        return written == null ? 0 : written;
    }

    /** The most upvoted papers on the feed in the 30 days up to its latest day, people's taste on this instance. */
    private List<ArxivId> mostUpvoted(int count) {
        Optional<LocalDate> latest = catalog.latestDay();
        if (latest.isEmpty()) {
            return List.of();
        }
        DailyQuery window = new DailyQuery(
                latest.get().minusDays(UPVOTE_WINDOW_DAYS - 1), latest.get(), DailySort.UPVOTES, null, null);
        return catalog.daily(window, 0, count).items().stream()
                .filter(dp -> dp.paper().upvotes() > 0)
                .map(dp -> dp.paper().id())
                .toList();
    }

    /**
     * Rules by source, venue and decision: a record a harvest of another source merged into an arXiv paper that meets
     * a rule's record criteria and the paper criteria it also names (categories, keywords, authors) puts the paper
     * on the feed of {@code day}, unless it is on the feed already or was dismissed. No freshness limit: a paper is
     * accepted at a venue months after it appeared on arXiv, and that acceptance is the news.
     *
     * @return papers proposed
     */
    int proposeMerged(CurationRules rules, Map<org.dailypapers.paper.SourceRecord, ArxivId> merged, LocalDate day) {
        List<CurationRule> recordRules =
                rules.rules().stream().filter(CurationRule::needsRecords).toList();
        if (recordRules.isEmpty() || merged.isEmpty()) {
            return 0;
        }
        Map<ArxivId, org.dailypapers.paper.Paper> papers = new LinkedHashMap<>();
        catalog.findAll(List.copyOf(new java.util.LinkedHashSet<>(merged.values())))
                .forEach(p -> papers.put(p.id(), p));
        Map<ArxivId, PaperRecord> chosen = new LinkedHashMap<>();
        for (var e : merged.entrySet()) {
            org.dailypapers.paper.Paper p = papers.get(e.getValue());
            if (p == null || chosen.containsKey(p.id())) {
                continue;
            }
            OaiPmhParser.Harvested h = new OaiPmhParser.Harvested(p, day, List.of(), List.of());
            for (CurationRule rule : recordRules) {
                if (rule.matchesRecord(e.getKey())) {
                    var m = Curator.matchRule(rule, h);
                    if (m.isPresent()) {
                        chosen.put(p.id(), new PaperRecord(p, entry(h, m.get())));
                        break;
                    }
                }
            }
        }
        Set<ArxivId> blocked = blocked(chosen.keySet());
        List<PaperRecord> allowed = chosen.values().stream()
                .filter(r -> !blocked.contains(r.paper().id()))
                .toList();
        catalog.upsert(allowed);
        return allowed.size();
    }

    /** Papers already on the feed (their entry stays as it is) or dismissed by an admin. */
    private Set<ArxivId> blocked(Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<ArxivId> blocked = new HashSet<>(catalog.findEntries(ids).keySet());
        Set<String> dismissed = store.dismissed(ids);
        for (ArxivId id : ids) {
            if (dismissed.contains(id.id())) {
                blocked.add(id);
            }
        }
        return blocked;
    }

    /**
     * The feed day is arXiv's record date, not the clock: a harvest run again (after a crash, or the next morning)
     * puts a paper on the same day as the first run would have.
     */
    private static DailyEntry entry(OaiPmhParser.Harvested h, Curator.Match m) {
        String org = m.organization();
        return new DailyEntry(
                h.paper().id(),
                h.datestamp(),
                h.datestamp().atStartOfDay(ZoneOffset.UTC).toInstant(),
                AUTO,
                0,
                org == null ? null : new DailyEntry.Organization(org, org, null));
    }
}
