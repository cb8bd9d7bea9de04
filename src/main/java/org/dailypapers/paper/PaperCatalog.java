package org.dailypapers.paper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalog's one entry point for other modules. */
@Service
public class PaperCatalog {

    /** Trending looks at no more than this many entries of a window; a month of Daily Papers has about 600. */
    private static final int TRENDING_WINDOW_CAP = 20_000;

    private final PaperRepository repository;
    private final SourceRecordRepository records;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AtomicLong lastSeq = new AtomicLong(-1);
    private final List<CatalogReadCache> readCaches = new CopyOnWriteArrayList<>();
    private final CatalogChangeWatch otherWriters =
            new CatalogChangeWatch(this::lastChangeSeq, () -> readCaches.forEach(CatalogReadCache::clear));

    PaperCatalog(
            PaperRepository repository,
            SourceRecordRepository records,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.records = records;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * A cache of reads that this catalog empties whenever it changes; see {@link CatalogReadCache}.
     *
     * @param maxWeight how much it holds before it empties itself (weights are the caller's, such as papers)
     */
    public CatalogReadCache newReadCache(long maxWeight) {
        CatalogReadCache cache = new CatalogReadCache(otherWriters, maxWeight);
        readCaches.add(cache);
        return cache;
    }

    /** Empties the read caches now, and again when the surrounding transaction, if any, has committed. */
    private void forgetReads() {
        readCaches.forEach(CatalogReadCache::clear);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    readCaches.forEach(CatalogReadCache::clear);
                }
            });
        }
    }

    /**
     * Adds or updates papers and daily entries in one transaction. Records that change nothing are counted as
     * skipped, so importing the same file twice reports and changes nothing. Later records of the same paper in
     * one call are merged into earlier ones.
     */
    public UpsertOutcome upsert(List<PaperRecord> records) {
        if (records.isEmpty()) {
            return UpsertOutcome.NONE;
        }
        UpsertOutcome outcome = transactions.execute(status -> upsertInTransaction(records));
        if (outcome != null && !outcome.changedIds().isEmpty()) {
            forgetReads();
            events.publishEvent(new PapersChanged(outcome.changedIds()));
        }
        return outcome == null ? UpsertOutcome.NONE : outcome;
    }

    private UpsertOutcome upsertInTransaction(List<PaperRecord> records) {
        Map<String, PaperRecord> byId = new LinkedHashMap<>();
        int duplicatesInBatch = 0;
        for (PaperRecord r : records) {
            String id = r.paper().id().id();
            PaperRecord earlier = byId.get(id);
            if (earlier != null) {
                duplicatesInBatch++;
                Paper merged = PaperMerger.merge(earlier.paper(), r.paper());
                DailyEntry entry = r.dailyEntry() == null
                        ? earlier.dailyEntry()
                        : PaperMerger.merge(earlier.dailyEntry(), r.dailyEntry());
                byId.put(id, new PaperRecord(merged, entry));
            } else {
                byId.put(id, r);
            }
        }
        Map<String, Paper> existingPapers = repository.findPapers(byId.keySet());
        Map<String, DailyEntry> existingEntries = repository.findEntries(byId.keySet());
        List<Paper> paperWrites = new ArrayList<>();
        List<DailyEntry> entryWrites = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        List<ArxivId> changed = new ArrayList<>();
        int imported = 0;
        int updated = 0;
        int skipped = duplicatesInBatch;
        for (PaperRecord r : byId.values()) {
            String id = r.paper().id().id();
            Paper existing = existingPapers.get(id);
            Paper merged = PaperMerger.merge(existing, r.paper());
            boolean paperChanged = !merged.equals(existing);
            boolean entryChanged = false;
            if (r.dailyEntry() != null) {
                DailyEntry existingEntry = existingEntries.get(id);
                DailyEntry mergedEntry = PaperMerger.merge(existingEntry, r.dailyEntry());
                if (!mergedEntry.equals(existingEntry)) {
                    entryWrites.add(mergedEntry);
                    entryChanged = true;
                }
            }
            if (paperChanged) {
                paperWrites.add(merged);
            } else if (entryChanged) {
                touched.add(id);
            }
            if (existing == null) {
                imported++;
            } else if (paperChanged || entryChanged) {
                updated++;
            } else {
                skipped++;
            }
            if (paperChanged || entryChanged) {
                changed.add(merged.id());
            }
        }
        if (!paperWrites.isEmpty()) {
            repository.upsertPapers(paperWrites, nextSeqs(paperWrites.size()));
        }
        if (!entryWrites.isEmpty()) {
            repository.upsertEntries(entryWrites);
        }
        if (!touched.isEmpty()) {
            repository.touch(touched, nextSeqs(touched.size()));
        }
        return new UpsertOutcome(imported, updated, skipped, changed);
    }

    /**
     * Reserves {@code n} change numbers. They follow the wall clock (microseconds) so that numbers handed out by a
     * CLI import and a running server sharing one database interleave in commit order closely enough for the
     * index catch-up, without a round trip per change.
     */
    private long nextSeqs(int n) {
        long floor = lastSeq.get() < 0 ? repository.maxChangeSeq() : 0;
        while (true) {
            long current = lastSeq.get();
            long start = Math.max(Math.max(current, floor) + 1, System.currentTimeMillis() * 1000);
            if (lastSeq.compareAndSet(current, start + n - 1)) {
                return start;
            }
        }
    }

    public Optional<Paper> find(ArxivId id) {
        return repository.findPaper(id.id());
    }

    /** Papers in the order of the given ids; unknown ids are left out. */
    public List<Paper> findAll(Collection<ArxivId> ids) {
        Map<String, Paper> found =
                repository.findPapers(ids.stream().map(ArxivId::id).toList());
        List<Paper> ordered = new ArrayList<>();
        for (ArxivId id : ids) {
            Paper p = found.get(id.id());
            if (p != null) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    public Optional<DailyEntry> findEntry(ArxivId id) {
        return repository.findEntry(id.id());
    }

    public Map<ArxivId, DailyEntry> findEntries(Collection<ArxivId> ids) {
        Map<ArxivId, DailyEntry> result = new LinkedHashMap<>();
        repository.findEntries(ids.stream().map(ArxivId::id).toList()).forEach((id, e) -> result.put(e.paperId(), e));
        return result;
    }

    /**
     * Where these papers are found: arXiv and the sources and venues of their merged records. Every paper asked for
     * is in the answer ({@link PaperSources#ARXIV_ONLY} when it has no other record), so that search indexes it
     * with the same filters as the daily feed's {@code source=} and {@code venue=}.
     */
    public Map<ArxivId, PaperSources> findSources(Collection<ArxivId> ids) {
        Map<String, PaperSources> found =
                records.sourcesOf(ids.stream().map(ArxivId::id).toList());
        Map<ArxivId, PaperSources> result = new LinkedHashMap<>();
        for (ArxivId id : ids) {
            result.put(id, found.getOrDefault(id.id(), PaperSources.ARXIV_ONLY));
        }
        return result;
    }

    public DailyPage daily(DailyQuery query, int offset, int limit) {
        long total = repository.countDaily(query);
        List<DailyPaper> items =
                switch (query.sort()) {
                    case PUBLISHED_AT ->
                        repository.daily(query, "e.submitted_at DESC, e.day DESC, p.id DESC", offset, limit);
                    case UPVOTES -> repository.daily(query, "p.upvotes DESC, e.submitted_at DESC, p.id", offset, limit);
                    case TRENDING -> trending(query, offset, limit);
                };
        return new DailyPage(items, total);
    }

    private List<DailyPaper> trending(DailyQuery query, int offset, int limit) {
        List<DailyPaper> window = repository.daily(query, null, 0, TRENDING_WINDOW_CAP);
        Instant reference = window.stream()
                .map(dp -> submittedOrDay(dp.entry()))
                .max(Comparator.naturalOrder())
                .orElse(Instant.now());
        return window.stream()
                .sorted(Comparator.comparingDouble((DailyPaper dp) -> -trendingScore(dp, reference))
                        .thenComparing(dp -> dp.paper().id()))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    /**
     * Votes lose weight with the days since submission, measured from the newest submission of the window so that
     * an archive window ranks as it did in its own time. Days, not hours: a paper with 43 votes from yesterday must
     * stay above one with 2 votes from this morning, and a week-old favourite gives way to this week's.
     */
    static double trendingScore(DailyPaper dp, Instant reference) {
        double days = Math.max(
                0, Duration.between(submittedOrDay(dp.entry()), reference).toMinutes() / 1440.0);
        return (dp.paper().upvotes() + 1) / Math.pow(days + 1, 1.5);
    }

    private static Instant submittedOrDay(DailyEntry e) {
        Instant at = e.submittedAt();
        return at != null ? at : e.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    public Optional<LocalDate> latestDay() {
        return repository.latestDay();
    }

    public Optional<LocalDate> dayBefore(LocalDate day) {
        return repository.dayBefore(day);
    }

    public Optional<LocalDate> dayAfter(LocalDate day) {
        return repository.dayAfter(day);
    }

    public CatalogCounts counts() {
        return new CatalogCounts(repository.countPapers(), repository.countEntries());
    }

    /** Papers changed after the given change number, oldest change first. */
    public List<CatalogChange> changedSince(long afterSeq, int limit) {
        return repository.changedSince(afterSeq, limit).stream()
                .map(c -> new CatalogChange(c.paper(), c.seq()))
                .toList();
    }

    public long lastChangeSeq() {
        return repository.maxChangeSeq();
    }

    /**
     * Takes a paper off the daily feed: its entry goes, the paper stays in the catalog. False when it had no entry.
     * Used by admins to remove what automatic curation proposed.
     */
    public boolean removeDailyEntry(ArxivId id) {
        Boolean done = transactions.execute(status -> {
            if (repository.deleteEntry(id.id()) == 0) {
                return false;
            }
            repository.touch(List.of(id.id()), nextSeqs(1));
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            forgetReads();
            events.publishEvent(new PapersChanged(List.of(id.withoutVersion())));
            return true;
        }
        return false;
    }

    /**
     * Marks papers whose records at other sources changed (merged, split, a new decision): a new change number, so
     * that the search index and other instances' caches catch up, and this instance's read caches emptied. Joins
     * the caller's transaction.
     */
    void recordsChanged(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> list = List.copyOf(new java.util.LinkedHashSet<>(ids));
        repository.touch(list, nextSeqs(list.size()));
        forgetReads();
    }

    /** Adds (or with a negative delta removes) upvotes; false when the paper is unknown. */
    public boolean addUpvotes(ArxivId id, int delta) {
        Boolean done = transactions.execute(status -> repository.addUpvotes(id.id(), delta, nextSeqs(1)) > 0);
        if (Boolean.TRUE.equals(done)) {
            forgetReads();
            events.publishEvent(new PapersChanged(List.of(id.withoutVersion())));
            return true;
        }
        return false;
    }

    /**
     * Adds (or with a negative delta removes) comments to a paper's daily entry count, atomically in the database
     * so that concurrent comments cannot lose an update; false when the paper has no daily entry. Joins the
     * caller's transaction when there is one.
     */
    public boolean addComments(ArxivId id, int delta) {
        boolean done = repository.addComments(id.id(), delta) > 0;
        if (done) {
            // a new change number: other instances' caches notice the new count within a second
            repository.touch(List.of(id.id()), nextSeqs(1));
            forgetReads();
        }
        return done;
    }
}
