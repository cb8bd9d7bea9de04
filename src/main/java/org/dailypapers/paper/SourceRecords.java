package org.dailypapers.paper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records of papers from other sources than arXiv, and the one-work-one-paper rule: a record that is the same
 * work as an arXiv paper (see {@link WorkMatcher}) belongs to that paper, whose page then lists every record; a
 * record without one stands alone under its own path. An admin can split a wrong merge, and it stays split.
 */
@Service
public class SourceRecords {

    private final SourceRecordRepository repository;
    private final PaperRepository papers;
    private final PaperCatalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Guarded by itself; caught up from the paper table's change numbers before every use. */
    private final WorkMatcher matcher = new WorkMatcher();

    private long matcherSeq;

    SourceRecords(
            SourceRecordRepository repository,
            PaperRepository papers,
            PaperCatalog catalog,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.papers = papers;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * What an upsert did.
     *
     * @param imported records new to the catalog
     * @param updated records that changed (a newer version, a decision, new metadata)
     * @param skipped records that changed nothing, older versions included
     * @param merged records that now belong to an arXiv paper
     */
    public record Outcome(int imported, int updated, int skipped, int merged) {
        public static final Outcome NONE = new Outcome(0, 0, 0, 0);

        public Outcome plus(Outcome o) {
            return new Outcome(imported + o.imported, updated + o.updated, skipped + o.skipped, merged + o.merged);
        }
    }

    /**
     * A paper as a record's page shows it: the arXiv paper the record belongs to, if any, and all records of the work.
     */
    public record Work(SourceId requested, @Nullable Paper paper, List<SourceRecord> records) {

        /** The record the page is about when no arXiv paper is: the one asked for. */
        public SourceRecord primary() {
            return records.stream()
                    .filter(r -> r.id().equals(requested))
                    .findFirst()
                    .orElse(records.getFirst());
        }

        public List<String> badges() {
            return records.stream().flatMap(r -> r.badge().stream()).toList();
        }
    }

    /** A page of records and how many match in all. */
    public record RecordPage(long total, List<SourceRecord> records) {}

    /**
     * Adds or updates records in one transaction: per identifier the newest version wins (an older one is skipped),
     * each new or still unmatched record is matched against the arXiv papers, and venue alerts are recorded for
     * papers that got a decision or a published record.
     */
    public Outcome upsert(List<SourceRecord> records) {
        if (records.isEmpty()) {
            return Outcome.NONE;
        }
        Outcome o = transactions.execute(status -> upsertInTransaction(records));
        return o == null ? Outcome.NONE : o;
    }

    private Outcome upsertInTransaction(List<SourceRecord> records) {
        Map<String, SourceRecord> newest = new LinkedHashMap<>();
        for (SourceRecord r : records) {
            newest.merge(r.id().key(), r, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<String, SourceRecordRepository.Stored> existing = repository.find(newest.keySet());
        Map<String, Set<String>> splits = repository.splits(newest.keySet());
        int skippedInBatch = records.size() - newest.size();
        int imported = 0;
        int updated = 0;
        int skipped = skippedInBatch;
        int merged = 0;
        Instant now = clock.instant();
        List<SourceRecordRepository.Stored> writes = new ArrayList<>();
        List<SourceRecordRepository.Stored> alerts = new ArrayList<>();
        synchronized (matcher) {
            catchUp();
            for (SourceRecord r : newest.values()) {
                SourceRecordRepository.Stored before = existing.get(r.id().key());
                if (before != null && before.record().version() > r.version()) {
                    skipped++;
                    continue;
                }
                String paperId = before == null ? null : before.paperId();
                String reason = before == null ? null : before.matchReason();
                if (paperId == null) {
                    Optional<WorkMatcher.Match> m = matcher.match(r, splits.getOrDefault(r.id().key(), Set.of()));
                    if (m.isPresent()) {
                        paperId = m.get().paperId().id();
                        reason = m.get().reason();
                    }
                }
                if (before != null && before.record().equals(r) && Objects.equals(before.paperId(), paperId)) {
                    skipped++;
                    continue;
                }
                if (before == null) {
                    imported++;
                } else {
                    updated++;
                }
                if (paperId != null && (before == null || before.paperId() == null)) {
                    merged++;
                }
                SourceRecordRepository.Stored s = new SourceRecordRepository.Stored(r, paperId, reason);
                writes.add(s);
                if (isNews(before, s)) {
                    alerts.add(s);
                }
            }
        }
        repository.upsert(writes, now);
        for (SourceRecordRepository.Stored s : alerts) {
            alert(s, now);
        }
        catalog.recordsChanged(writes.stream()
                .map(SourceRecordRepository.Stored::paperId)
                .filter(Objects::nonNull)
                .toList());
        return new Outcome(imported, updated, skipped, merged);
    }

    /**
     * A decision or a published version the readers of the arXiv paper have not been told about yet. Only merged
     * records count: readers collect, upvote and follow arXiv papers, so nobody waits for news of a record that
     * stands alone (and a harvest of thousands of proceedings papers writes no alert for them).
     */
    private static boolean isNews(SourceRecordRepository.@Nullable Stored before, SourceRecordRepository.Stored after) {
        if (after.paperId() == null) {
            return false;
        }
        SourceRecord r = after.record();
        boolean published = r.decision().accepted() || r.publishedDoi() != null;
        if (!published) {
            return false;
        }
        if (before == null) {
            return true;
        }
        return before.record().decision() != r.decision()
                || !Objects.equals(before.record().publishedDoi(), r.publishedDoi())
                || !Objects.equals(before.paperId(), after.paperId());
    }

    private void alert(SourceRecordRepository.Stored s, Instant now) {
        String paperId = java.util.Objects.requireNonNull(s.paperId());
        String badge = s.record().badge().orElse("Published");
        repository.addEvent(paperId, s.record(), badge, now);
    }

    /** Links records that stood alone to arXiv papers that arrived after them (same title, DOI or named id). */
    @EventListener
    void onPapersChanged(PapersChanged changed) {
        // Runs on the importer's thread after every batch: a catalog without records waiting for their arXiv paper
        // (every arXiv-only site, and most batches of any site) must not read the batch's papers back.
        if (!repository.anyUnlinked()) {
            return;
        }
        List<String> keys = papers
                .findTitles(changed.ids().stream().map(ArxivId::id).toList())
                .stream()
                .map(WorkMatcher::titleKey)
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        List<SourceRecordRepository.Stored> candidates = repository.unlinkedWithTitleKeys(keys);
        if (candidates.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            Map<String, Set<String>> splits = repository.splits(
                    candidates.stream().map(c -> c.record().id().key()).toList());
            Instant now = clock.instant();
            synchronized (matcher) {
                catchUp();
                for (SourceRecordRepository.Stored c : candidates) {
                    String key = c.record().id().key();
                    matcher.match(c.record(), splits.getOrDefault(key, Set.of()))
                            .ifPresent(m -> {
                                repository.link(key, m.paperId().id(), m.reason());
                                catalog.recordsChanged(List.of(m.paperId().id()));
                                var linked = new SourceRecordRepository.Stored(
                                        c.record(), m.paperId().id(), m.reason());
                                if (isNews(c, linked)) {
                                    alert(linked, now);
                                }
                            });
                }
            }
        });
    }

    /** Reads the arXiv papers changed since the matcher last looked. */
    private void catchUp() {
        while (true) {
            List<PaperRepository.ChangedPaper> page = papers.changedSince(matcherSeq, 5000);
            if (page.isEmpty()) {
                return;
            }
            for (PaperRepository.ChangedPaper c : page) {
                matcher.add(WorkMatcher.Candidate.of(c.paper()));
                matcherSeq = Math.max(matcherSeq, c.seq());
            }
        }
    }

    /** The work a record belongs to: the arXiv paper (when merged) and all its records. */
    public Optional<Work> work(SourceId id) {
        if (id.scheme() == SourceId.Scheme.ARXIV) {
            return papers.findPaper(id.value()).map(p -> new Work(id, p, recordsOf(p.id())));
        }
        return repository.find(id.key()).map(s -> {
            if (s.paperId() == null) {
                return new Work(id, null, List.of(s.record()));
            }
            Paper p = papers.findPaper(s.paperId()).orElse(null);
            return new Work(id, p, p == null ? List.of(s.record()) : recordsOf(p.id()));
        });
    }

    public Optional<SourceRecord> find(SourceId id) {
        return repository.find(id.key()).map(SourceRecordRepository.Stored::record);
    }

    /** The other sources' records of an arXiv paper, oldest first. */
    public List<SourceRecord> recordsOf(ArxivId id) {
        return repository.ofPaper(id.id()).stream()
                .map(SourceRecordRepository.Stored::record)
                .toList();
    }

    public Map<ArxivId, List<SourceRecord>> recordsOf(Collection<ArxivId> ids) {
        Map<ArxivId, List<SourceRecord>> result = new LinkedHashMap<>();
        repository
                .ofPapers(ids.stream().map(ArxivId::id).toList())
                .forEach((paperId, stored) -> result.put(
                        new ArxivId(paperId, 0),
                        stored.stream()
                                .map(SourceRecordRepository.Stored::record)
                                .toList()));
        return result;
    }

    /** Records of a source and venue (nulls: all), newest first. */
    public RecordPage list(@Nullable Source source, @Nullable String venue, int offset, int limit) {
        return new RecordPage(
                repository.count(source, venue),
                repository.list(source, venue, offset, limit).stream()
                        .map(SourceRecordRepository.Stored::record)
                        .toList());
    }

    /** Records per source and per venue: the facets of lists and the API. */
    public Map<String, Map<String, Long>> facets() {
        Map<String, Map<String, Long>> f = new LinkedHashMap<>();
        f.put("source", repository.countBy("source"));
        f.put("venue", repository.countBy("venue"));
        return f;
    }

    /** Of these records, the ones that belong to an arXiv paper, with that paper: one query per 500. */
    public Map<SourceRecord, ArxivId> mergedOf(Collection<SourceRecord> of) {
        Map<String, SourceRecordRepository.Stored> stored =
                repository.find(of.stream().map(r -> r.id().key()).toList());
        Map<SourceRecord, ArxivId> result = new LinkedHashMap<>();
        for (SourceRecord r : of) {
            SourceRecordRepository.Stored s = stored.get(r.id().key());
            if (s != null && s.paperId() != null) {
                result.put(s.record(), new ArxivId(s.paperId(), 0));
            }
        }
        return result;
    }

    /** The arXiv paper a record belongs to, if any. */
    public Optional<ArxivId> paperOf(SourceId id) {
        return repository
                .find(id.key())
                .map(SourceRecordRepository.Stored::paperId)
                .map(p -> new ArxivId(p, 0));
    }

    /**
     * Takes a record off the arXiv paper it was merged with, for good: the matcher never puts the two together
     * again. Returns the paper it left, empty when it stood alone already or is unknown.
     */
    public Optional<ArxivId> split(SourceId id) {
        return Optional.ofNullable(transactions.execute(status -> {
            var s = repository.find(id.key()).orElse(null);
            if (s == null || s.paperId() == null) {
                return null;
            }
            repository.split(id.key(), s.paperId(), clock.instant());
            repository.link(id.key(), null, null);
            catalog.recordsChanged(List.of(s.paperId()));
            return new ArxivId(s.paperId(), 0);
        }));
    }

    /** Every venue alert detected at or after {@code since}, oldest first. */
    public List<VenueEvent> venueEventsSince(Instant since) {
        return repository.eventsSince(since);
    }

    /** Venue alerts of these papers (arXiv ids or record keys) detected after {@code since}. */
    public List<VenueEvent> venueEvents(Collection<String> paperIds, Instant since) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        return repository.events(new HashSet<>(paperIds), since);
    }
}
