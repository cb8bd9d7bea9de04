package org.dailypapers.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PapersChanged;
import org.dailypapers.search.IndexInUseException;
import org.dailypapers.search.PaperKeywords;
import org.dailypapers.search.PaperKeywordsChanged;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.core.CatalogDocuments;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorStore;
import org.dailypapers.shared.BackgroundLoop;
import org.dailypapers.shared.DailyPapersProperties;
import org.dailypapers.shared.FleetLocks;
import org.dailypapers.shared.StatisticsContributor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the index in step with the catalog. One background thread does all writing: it applies catalog changes
 * after the change number of the last commit (so a restart after a crash resumes there), then embeds the papers
 * that still lack a vector, a batch at a time, storing each vector in the database first (so a restart continues
 * where it stopped, and a rebuild never recomputes). Changes made in this process wake it at once; a slow poll
 * finds changes that another process (a CLI import) committed.
 */
@Component
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = "lucene", matchIfMissing = true)
public class SearchIndexer implements SmartLifecycle, StatisticsContributor, SearchMaintenance {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /** Catalog changes applied per step. */
    private static final int CHANGES_PER_STEP = 2_000;

    /**
     * While a backlog lasts, new papers are made visible at most this often: every refresh writes the in-memory
     * segment out, and refreshing after each step made hundreds of small segments that merging then rewrote (a
     * third of a rebuild's CPU).
     */
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Embedding progress is logged at most this often. */
    private static final long PROGRESS_LOG_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Embedded batches are committed at most this often (their vectors are safe in the database anyway). */
    private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PaperCatalog catalog;
    private final VectorStore vectors;
    private final SearchSettings settings;
    private final Path indexFolder;
    private final ApplicationContext context;
    private final BackgroundLoop worker = new BackgroundLoop("search-indexer");
    private final FleetLocks locks;
    private final org.springframework.beans.factory.ObjectProvider<PaperKeywords> keywords;
    /** Papers whose keywords changed since their document was written. */
    private final java.util.Queue<String> keywordsChanged = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private volatile @Nullable PaperIndex index;
    private volatile @Nullable BgeEmbedder embedder;
    private volatile boolean running;
    private long indexedSeq = -1;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    /** Threads that write documents; all cores where no server shares them (a command: import, reindex). */
    private final int writerThreads;

    private boolean uncommitted;
    /** True while {@link #rebuild} fills an index it has just cleared. */
    private boolean rebuilding;
    /** The catalog's last change number when the rebuild began. */
    private long rebuildUpTo;

    private long embeddedSinceLog;
    private long embeddingNanos;
    private long lastProgressLog = System.nanoTime();

    SearchIndexer(
            PaperCatalog catalog,
            VectorStore vectors,
            SearchSettings settings,
            DailyPapersProperties properties,
            ApplicationContext context,
            FleetLocks locks,
            org.springframework.beans.factory.ObjectProvider<PaperKeywords> keywords) {
        this.locks = locks;
        this.keywords = keywords;
        this.catalog = catalog;
        this.vectors = vectors;
        this.settings = settings;
        this.indexFolder = properties.home().resolve("index");
        this.context = context;
        this.writerThreads = context instanceof WebApplicationContext
                ? 1
                : Runtime.getRuntime().availableProcessors();
    }

    // --- lifecycle -------------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        boolean background = settings.backgroundIndexing() != null
                ? settings.backgroundIndexing()
                : context instanceof WebApplicationContext;
        if (!background) {
            return;
        }
        if (!openForWriting()) {
            log.warn(
                    "the search index {} is in use by another process; this one searches its last commit", indexFolder);
            return;
        }
        worker.start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        worker.stop();
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the database (Flyway) and before the web server takes requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    private synchronized void close() {
        PaperIndex i = index;
        if (i != null) {
            try {
                if (i.writable() && uncommitted && indexedSeq >= 0) {
                    i.commit(indexedSeq);
                }
                i.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing the search index failed; the next start catches up from its last commit", e);
            }
            index = null;
        }
        BgeEmbedder e = embedder;
        if (e != null) {
            e.close();
            embedder = null;
        }
    }

    // --- access ----------------------------------------------------------------------------------------------

    /** Takes the index's write lock for this process; false when another process holds it. */
    synchronized boolean openForWriting() {
        PaperIndex current = index;
        if (current != null && current.writable()) {
            return true;
        }
        try {
            Files.createDirectories(indexFolder);
            PaperIndex writable = PaperIndex.openWritable(
                    FSDirectory.open(indexFolder), settings.vectors(), writerThreads, settings.searchThreads());
            keywords.ifAvailable(writable::keywordsFrom);
            if (current != null) {
                current.close();
            }
            index = writable;
            indexedSeq = writable.committedSeq();
            return true;
        } catch (LockObtainFailedException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index " + indexFolder, e);
        }
    }

    public PaperIndex index() {
        PaperIndex i = index;
        return i != null ? i : openReadOnly();
    }

    private synchronized PaperIndex openReadOnly() {
        PaperIndex i = index;
        if (i == null) {
            try {
                i = PaperIndex.openReadOnly(
                        FSDirectory.open(indexFolder), settings.vectors(), settings.searchThreads());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the search index " + indexFolder, e);
            }
            index = i;
        }
        return i;
    }

    public BgeEmbedder embedder() {
        BgeEmbedder e = embedder;
        if (e == null) {
            synchronized (this) {
                e = embedder;
                if (e == null) {
                    e = new BgeEmbedder();
                    embedder = e;
                }
            }
        }
        return e;
    }

    public Path indexFolder() {
        return indexFolder;
    }

    @Override
    public Map<String, Long> statistics() {
        PaperIndex i = index();
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("indexed", i.count());
        lines.put("embedded", i.countEmbedded());
        return lines;
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("search_backend", SearchSettings.LUCENE);
    }

    // --- keeping in step -------------------------------------------------------------------------------------

    @EventListener
    void onPapersChanged(PapersChanged event) {
        wakeUp();
    }

    @EventListener
    void onKeywordsChanged(PaperKeywordsChanged event) {
        keywordsChanged.addAll(event.paperIds());
        wakeUp();
    }

    @Scheduled(fixedDelayString = "${dailypapers.search.poll-interval:5s}")
    void poll() {
        if (worker.started()) {
            wakeUp();
        }
    }

    void wakeUp() {
        worker.wakeUp();
    }

    private void loop() {
        while (running) {
            try {
                boolean worked = catchUpStep() > 0 || embedStep() > 0 || keywordStep() > 0;
                if (!worked) {
                    commitIfDirty(true);
                    refreshIfDue(true);
                    worker.await();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("search indexing failed; retrying on the next change or poll", e);
                try {
                    worker.await();
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Applies up to one step of catalog changes; returns how many papers it indexed. */
    synchronized int catchUpStep() {
        PaperIndex i = writableIndex();
        if (indexedSeq < 0) {
            indexedSeq = i.committedSeq();
        }
        List<CatalogChange> changes = catalog.changedSince(indexedSeq, CHANGES_PER_STEP);
        if (changes.isEmpty()) {
            return 0;
        }
        List<Paper> papers = changes.stream().map(CatalogChange::paper).toList();
        // Right after a rebuild cleared the index nothing is there to replace, unless a paper changed while the
        // rebuild ran: it comes again with a later change number, and must replace its first document.
        boolean replace = !rebuilding || changes.getLast().seq() > rebuildUpTo;
        i.write(withStoredVectors(papers), replace, writerThreads);
        indexedSeq = changes.getLast().seq();
        // A crash before the next commit costs only redoing these steps: writing a paper again is idempotent.
        uncommitted = true;
        commitIfDirty(false);
        refreshIfDue(changes.size() < CHANGES_PER_STEP);
        return papers.size();
    }

    private void refreshIfDue(boolean now) {
        if (now || System.nanoTime() - lastRefresh > REFRESH_NANOS) {
            writableIndex().refresh();
            lastRefresh = System.nanoTime();
        }
    }

    /** Embeds up to one batch of papers that lack a vector; returns how many. */
    synchronized int embedStep() {
        PaperIndex i = writableIndex();
        List<String> ids = i.idsNeedingVectors(Math.max(1, settings.embedBatch()));
        if (ids.isEmpty()) {
            return 0;
        }
        List<ArxivId> arxivIds = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            ArxivId.parse(id).ifPresentOrElse(arxivIds::add, () -> unknown.add(id));
        }
        List<Paper> papers = catalog.findAll(arxivIds);
        Set<String> found = new HashSet<>();
        papers.forEach(p -> found.add(p.id().id()));
        ids.stream().filter(id -> !found.contains(id)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            // Gone from the catalog: it must not be retried for ever.
            i.delete(unknown);
        }
        // A vector may already be stored (an earlier run stopped between the database and the index commit).
        List<IndexedPaper> docs = withStoredVectors(papers);
        List<IndexedPaper> missing =
                docs.stream().filter(d -> d.vector() == null).toList();
        long started = System.nanoTime();
        List<float[]> computed = new ArrayList<>();
        // One instance of the fleet embeds at a time; the others take its vectors from the store as they appear.
        boolean embeddedHere = missing.isEmpty()
                || locks.runIfFree(
                        FleetLocks.SEARCH_EMBEDDING,
                        () -> computed.addAll(embedder()
                                .embedAll(missing.stream()
                                        .map(IndexedPaper::embeddingText)
                                        .toList())));
        if (!embeddedHere && docs.stream().noneMatch(d -> d.vector() != null)) {
            return 0;
        }
        long took = System.nanoTime() - started;
        CatalogDocuments.Embedded embedded = CatalogDocuments.Embedded.of(docs, missing, computed);
        vectors.saveAll(embedded.rows());
        i.upsert(embedded.documents());
        uncommitted = true;
        commitIfDirty(false);
        i.refresh();
        logProgress(computed.size(), took);
        return ids.size();
    }

    /** Rewrites up to one step of documents whose keywords changed; returns how many. */
    synchronized int keywordStep() {
        List<ArxivId> ids = new ArrayList<>();
        String id;
        while (ids.size() < CHANGES_PER_STEP && (id = keywordsChanged.poll()) != null) {
            ArxivId.parse(id).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        PaperIndex i = writableIndex();
        i.upsert(withStoredVectors(catalog.findAll(ids)));
        uncommitted = true;
        commitIfDirty(false);
        i.refresh();
        return ids.size();
    }

    @Override
    public synchronized long rebuild(ProgressListener progress) {
        PaperIndex i = writableIndex();
        long total = catalog.counts().papers();
        i.deleteAll();
        indexedSeq = 0;
        long done = 0;
        int n;
        rebuildUpTo = catalog.lastChangeSeq();
        rebuilding = true;
        i.mergeAtFullSpeed(true);
        try {
            while ((n = catchUpStep()) > 0) {
                done += n;
                progress.progress(done, total);
            }
            i.settleMerges(indexedSeq);
        } finally {
            rebuilding = false;
            i.mergeAtFullSpeed(false);
        }
        uncommitted = false;
        i.refresh();
        return done;
    }

    @Override
    public long embedMissing(ProgressListener progress) {
        long total = writableIndex().count() - writableIndex().countEmbedded();
        long done = 0;
        int n;
        while ((n = embedStep()) > 0) {
            done += n;
            progress.progress(done, total);
        }
        commitIfDirty(true);
        return done;
    }

    @Override
    public long catchUp() {
        long done = 0;
        int n;
        while ((n = catchUpStep()) > 0) {
            done += n;
        }
        while (keywordStep() > 0) {
            // documents whose keywords changed are rewritten too; they are no catalog changes, so not counted
        }
        // Commands end here (import, bench). Merges still running are left: closing aborts them, and the server's
        // next writes select them again, throttled beside its searches. Waiting for them at 2.7 million papers
        // took longer than the import (docs/scale.md); a reindex waits (rebuild).
        commitIfDirty(true);
        writableIndex().refresh();
        return done;
    }

    @Override
    public Following followCatalog() {
        if (worker.started()) {
            return Following.NONE;
        }
        try {
            if (!openForWriting()) {
                return Following.NONE;
            }
        } catch (UncheckedIOException e) {
            log.warn("the search index cannot be opened; the next server start indexes the import", e);
            return Following.NONE;
        }
        java.util.concurrent.atomic.AtomicBoolean importing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<@Nullable RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread follower = Thread.ofPlatform()
                .name("search-follower")
                .daemon(true)
                .start(() -> {
                    try {
                        // Woken by the catalog's PapersChanged events, one per committed import batch.
                        while (importing.get()) {
                            if (catchUpStep() == 0) {
                                worker.await();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                });
        return () -> {
            importing.set(false);
            wakeUp();
            try {
                follower.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RuntimeException e = failure.get();
            if (e != null) {
                log.warn("indexing beside the import failed; catching up now", e);
            }
            catchUp();
        };
    }

    private List<IndexedPaper> withStoredVectors(List<Paper> papers) {
        return CatalogDocuments.of(papers, catalog, vectors);
    }

    private synchronized void commitIfDirty(boolean now) {
        PaperIndex i = index;
        if (i != null && i.writable() && uncommitted && (now || System.nanoTime() - lastCommit > COMMIT_NANOS)) {
            i.commit(Math.max(0, indexedSeq));
            uncommitted = false;
            lastCommit = System.nanoTime();
        }
    }

    /** A line every half minute while a backlog lasts: how far, and how fast since the last line. */
    private void logProgress(int embeddedNow, long stepNanos) {
        embeddedSinceLog += embeddedNow;
        embeddingNanos += stepNanos;
        long now = System.nanoTime();
        if (now - lastProgressLog > PROGRESS_LOG_NANOS) {
            PaperIndex i = writableIndex();
            log.info(
                    "embedding papers: {} of {} done ({} papers/s)",
                    i.countEmbedded(),
                    i.count(),
                    String.format(java.util.Locale.ROOT, "%.1f", embeddedSinceLog / (embeddingNanos / 1e9)));
            embeddedSinceLog = 0;
            embeddingNanos = 0;
            lastProgressLog = now;
        }
    }

    private PaperIndex writableIndex() {
        if (!openForWriting()) {
            throw new IndexInUseException(indexFolder);
        }
        return java.util.Objects.requireNonNull(index);
    }
}
