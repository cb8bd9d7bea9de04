package org.dailypapers.search.elasticsearch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PapersChanged;
import org.dailypapers.search.PaperKeywordsChanged;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.core.CatalogDocuments;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorStore;
import org.dailypapers.shared.BackgroundLoop;
import org.dailypapers.shared.FleetLocks;
import org.dailypapers.shared.StatisticsContributor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Keeps the Elasticsearch index in step with the catalog, as the embedded indexer does with Lucene: catalog changes
 * after the change number recorded in the index (so a restart resumes there; writes are upserts by paper id, so a
 * repeated step changes nothing), then papers that still lack a vector, embedded a batch at a time and stored in
 * {@code search_vector} first (a rebuild never recomputes one). Of several instances sharing a database only the
 * holder of the fleet lock ({@link FleetLocks#SEARCH_INDEXING}) works; while Elasticsearch is unreachable it retries on every poll and catches
 * up once it answers, the catalog having lost nothing.
 */
public class ElasticsearchIndexer implements SmartLifecycle, StatisticsContributor, SearchMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchIndexer.class);

    private static final int CHANGES_PER_STEP = 500;

    /** A rebuild reads the catalog in bigger steps: nobody searches the new index before it is done. */
    private static final int CHANGES_PER_REBUILD_STEP = 2_000;

    private final PaperCatalog catalog;
    private final VectorStore vectors;
    private final SearchSettings settings;
    private final PaperDocuments documents;
    private final @Nullable FleetLocks locks;
    private final boolean background;
    private final Supplier<BgeEmbedder> embedder;
    private final BackgroundLoop worker = new BackgroundLoop("search-indexer-es");

    /** Papers whose keywords changed since their document was written. */
    private final Queue<String> keywordsChanged = new ConcurrentLinkedQueue<>();

    private volatile boolean running;
    private @Nullable String currentIndex;
    private long indexedSeq = -1;
    private boolean failing;

    public ElasticsearchIndexer(
            PaperCatalog catalog,
            VectorStore vectors,
            SearchSettings settings,
            PaperDocuments documents,
            @Nullable FleetLocks locks,
            boolean background,
            Supplier<BgeEmbedder> embedder) {
        this.catalog = catalog;
        this.vectors = vectors;
        this.settings = settings;
        this.documents = documents;
        this.locks = locks;
        this.background = background;
        this.embedder = embedder;
    }

    // --- lifecycle ----------------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        if (background) {
            worker.start(this::loop);
        }
    }

    @Override
    public void stop() {
        running = false;
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    @EventListener
    void onPapersChanged(PapersChanged event) {
        wakeUp();
    }

    @EventListener
    void onKeywordsChanged(PaperKeywordsChanged event) {
        keywordsChanged.addAll(event.paperIds());
        wakeUp();
    }

    void wakeUp() {
        worker.wakeUp();
    }

    /**
     * One step of catching up, else of embedding. Instances sharing a database share the index, so each step runs
     * under the fleet's lock of its kind (ShedLock, as every scheduled job): one instance at a time, and a killed
     * holder's lock runs out within a minute.
     */
    private boolean step() {
        if (locks == null) {
            return catchUpStep() > 0 || keywordStep() > 0 || embedStep() > 0;
        }
        boolean[] worked = {false};
        locks.runIfFree(FleetLocks.SEARCH_INDEXING, () -> worked[0] = catchUpStep() > 0 || keywordStep() > 0);
        if (!worked[0]) {
            locks.runIfFree(FleetLocks.SEARCH_EMBEDDING, () -> worked[0] = embedStep() > 0);
        }
        return worked[0];
    }

    private void loop() {
        while (running) {
            try {
                boolean worked = step();
                if (failing) {
                    log.info("Elasticsearch answers again; the index is catching up");
                    failing = false;
                }
                if (!worked) {
                    await();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "Elasticsearch indexing failed ({}); retrying on every poll until it answers",
                            e.toString());
                    failing = true;
                }
                try {
                    await();
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Waits for a change in this process or the next poll (changes by other processes, a returning cluster). */
    private void await() throws InterruptedException {
        worker.await(settings.pollInterval());
    }

    // --- steps --------------------------------------------------------------------------------------------------

    /** Applies up to one step of catalog changes; returns how many papers it indexed. */
    public synchronized int catchUpStep() {
        String index = documents.ensureIndex();
        if (!index.equals(currentIndex)) {
            if (documents.layout(index) != PaperDocuments.LAYOUT) {
                // Made by an older version, whose documents this one would not fill alike: a new index behind the
                // alias, searches answered by the old one until it is complete.
                log.info(
                        "Elasticsearch index {} has document layout {}; rebuilding it as layout {}",
                        index,
                        documents.layout(index),
                        PaperDocuments.LAYOUT);
                return (int) Math.min(Integer.MAX_VALUE, rebuild(ProgressListener.NONE));
            }
            // New, or swapped by a rebuild elsewhere: its own change number says where it stands.
            currentIndex = index;
            indexedSeq = documents.committedSeq(index);
        }
        List<CatalogChange> changes = catalog.changedSince(indexedSeq, CHANGES_PER_STEP);
        if (changes.isEmpty()) {
            return 0;
        }
        List<Paper> papers = changes.stream().map(CatalogChange::paper).toList();
        documents.upsert(index, withStoredVectors(papers));
        long seq = changes.getLast().seq();
        documents.commitSeq(index, seq);
        indexedSeq = seq;
        return papers.size();
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
        try {
            documents.upsert(documents.ensureIndex(), withStoredVectors(catalog.findAll(ids)));
        } catch (RuntimeException e) {
            // Kept for the next step: the cluster may be away, and no catalog change would bring them back.
            ids.forEach(i -> keywordsChanged.add(i.id()));
            throw e;
        }
        return ids.size();
    }

    /** Embeds up to one batch of papers that lack a vector; returns how many. */
    public synchronized int embedStep() {
        String index = documents.ensureIndex();
        List<String> ids = documents.idsNeedingVectors(Math.max(1, settings.embedBatch()));
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
        documents.delete(index, unknown);
        List<IndexedPaper> docs = withStoredVectors(papers);
        List<IndexedPaper> missing =
                docs.stream().filter(d -> d.vector() == null).toList();
        List<float[]> computed = embedder.get()
                .embedAll(missing.stream().map(IndexedPaper::embeddingText).toList());
        CatalogDocuments.Embedded embedded = CatalogDocuments.Embedded.of(docs, missing, computed);
        vectors.saveAll(embedded.rows());
        documents.upsert(index, embedded.documents());
        // The next step must not see these as lacking a vector.
        documents.refresh(index);
        return ids.size();
    }

    // --- maintenance --------------------------------------------------------------------------------------------

    /**
     * Builds a new index from the catalog with the stored vectors behind the searches' back, then points the alias
     * at it in one atomic step: searches see the old index until the new one is complete.
     */
    @Override
    public long rebuild(ProgressListener progress) {
        long total = catalog.counts().papers();
        String building = documents.createIndex(true);
        try (CatalogReader reader = new CatalogReader()) {
            long done = 0;
            try (PaperDocuments.Bulk bulk = documents.bulk(building)) {
                List<IndexedPaper> papers;
                while (!(papers = reader.next()).isEmpty()) {
                    bulk.add(papers);
                    done += papers.size();
                    progress.progress(done, total);
                }
            }
            documents.commitSeq(building, reader.seq);
            documents.finishBuilding(building);
            synchronized (this) {
                documents.switchAlias(building);
                currentIndex = null;
            }
            return done;
        } catch (RuntimeException e) {
            documents.deleteIndex(building);
            throw e;
        }
    }

    /**
     * Reads the catalog for a rebuild on a thread of its own, a few steps ahead: the reads (SQLite, row mapping, the
     * stored vectors) overlap the analysis and the bulk writes instead of taking turns with them.
     */
    private final class CatalogReader implements AutoCloseable {

        private static final List<IndexedPaper> END = List.of();

        private final BlockingQueue<List<IndexedPaper>> steps = new ArrayBlockingQueue<>(2);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final Thread thread;

        /** The change number of the last step read, when {@link #next} has returned the end. */
        private volatile long seq;

        CatalogReader() {
            thread = Thread.ofPlatform()
                    .name("search-rebuild-reader")
                    .daemon(true)
                    .start(this::read);
        }

        private void read() {
            try {
                long after = 0;
                List<CatalogChange> changes;
                while (!(changes = catalog.changedSince(after, CHANGES_PER_REBUILD_STEP)).isEmpty()) {
                    steps.put(withStoredVectors(
                            changes.stream().map(CatalogChange::paper).toList()));
                    after = changes.getLast().seq();
                    seq = after;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure.set(e);
            }
            try {
                steps.put(END);
            } catch (InterruptedException e) {
                // closed: nobody waits for the end
            }
        }

        /** The next step's papers, or an empty list at the end; rethrows what failed the reads. */
        List<IndexedPaper> next() {
            try {
                List<IndexedPaper> step = steps.take();
                if (step == END && failure.get() != null) {
                    throw failure.get();
                }
                return step;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding the Elasticsearch index", e);
            }
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @Override
    public long catchUp() {
        long done = 0;
        int n;
        while ((n = catchUpStep()) > 0) {
            done += n;
        }
        String index = currentIndex;
        if (index != null) {
            documents.refresh(index);
        }
        return done;
    }

    @Override
    public long embedMissing(ProgressListener progress) {
        long total = documents.count() - documents.countEmbedded();
        long done = 0;
        int n;
        while ((n = embedStep()) > 0) {
            done += n;
            progress.progress(done, total);
        }
        return done;
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> lines = new LinkedHashMap<>();
        try {
            if (documents.concreteIndex() != null) {
                lines.put("indexed", documents.count());
                lines.put("embedded", documents.countEmbedded());
            }
        } catch (RuntimeException e) {
            log.warn("Elasticsearch did not answer for the statistics: {}", e.toString());
        }
        return lines;
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("search_backend", SearchSettings.ELASTICSEARCH);
    }

    private List<IndexedPaper> withStoredVectors(List<Paper> papers) {
        return CatalogDocuments.of(papers, catalog, vectors);
    }
}
