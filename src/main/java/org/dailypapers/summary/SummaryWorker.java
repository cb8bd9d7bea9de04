package org.dailypapers.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PapersChanged;
import org.dailypapers.search.PaperKeywordsChanged;
import org.dailypapers.search.TextEmbeddings;
import org.dailypapers.shared.BackgroundLoop;
import org.dailypapers.shared.StatisticsContributor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Computes keywords and summaries in the background, following the catalog's change numbers a batch at a time
 * (the number reached is stored with each batch, so a restart resumes there). It runs behind the search module's
 * embedding: a paper whose vector is not stored yet holds the worker until it is, or until {@code vectorWait} has
 * passed, when the worker embeds it itself. A paper whose title and abstract are what ours were computed from is
 * skipped, so a re-import or an upvote costs nothing.
 */
@Component
class SummaryWorker implements SmartLifecycle, StatisticsContributor {

    private static final Logger log = LoggerFactory.getLogger(SummaryWorker.class);

    /** Part of every text hash: a change to the extraction recomputes everything once. */
    static final String EXTRACTION_VERSION = "1";

    private static final long PROGRESS_LOG_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PaperCatalog catalog;
    private final SummaryStore store;
    private final TextEmbeddings embeddings;
    private final SummarySettings settings;
    private final ApplicationContext context;
    private final ApplicationEventPublisher events;
    private final BackgroundLoop worker = new BackgroundLoop("summary-worker");
    private final Extractor extractor;
    private final PaperSummaries summaries;

    private volatile boolean running;
    private @Nullable String waitingFor;
    private boolean noWait;
    private long waitingSince;
    private long doneSinceLog;
    private long nanosSinceLog;
    private long lastLog = System.nanoTime();

    SummaryWorker(
            PaperCatalog catalog,
            SummaryStore store,
            TextEmbeddings embeddings,
            SummarySettings settings,
            ApplicationContext context,
            ApplicationEventPublisher events,
            PaperSummaries summaries) {
        this.summaries = summaries;
        this.catalog = catalog;
        this.store = store;
        this.embeddings = embeddings;
        this.settings = settings;
        this.context = context;
        this.events = events;
        this.extractor = new Extractor(embeddings, Extractor.Settings.DEFAULT, settings.cachedPhrases());
    }

    @Override
    public void start() {
        running = true;
        boolean background =
                settings.background() != null ? settings.background() : context instanceof WebApplicationContext;
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

    /** After the search indexer (phase 0), so that it stops first and never finds the embedder closed. */
    @Override
    public int getPhase() {
        return 1;
    }

    @EventListener
    void onPapersChanged(PapersChanged event) {
        wakeUp();
    }

    @Scheduled(fixedDelayString = "${dailypapers.summary.poll-interval:2s}")
    void poll() {
        if (worker.started()) {
            wakeUp();
        }
    }

    private void wakeUp() {
        worker.wakeUp();
    }

    private void loop() {
        while (running) {
            try {
                if (step() == 0) {
                    worker.await();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("computing keywords and summaries failed; retrying on the next change or poll", e);
                try {
                    worker.await();
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Summarises up to one batch of changed papers; returns how many changes it moved past. */
    synchronized int step() {
        long cursor = store.progress();
        List<CatalogChange> changes = catalog.changedSince(cursor, Math.max(1, settings.batch()));
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, SummaryStore.Row> rows =
                store.find(changes.stream().map(c -> c.paper().id().id()).toList());
        List<Paper> stale = new ArrayList<>();
        for (CatalogChange c : changes) {
            SummaryStore.Row row = rows.get(c.paper().id().id());
            if (row == null || !textHash(c.paper()).equals(row.textHash())) {
                stale.add(c.paper());
            }
        }
        Map<String, float[]> vectors = new LinkedHashMap<>(embeddings.storedPaperVectors(stale));
        // Stop before the first paper that still waits for its vector, unless it has waited long enough.
        int upTo = changes.size();
        List<Paper> embedHere = new ArrayList<>();
        for (int k = 0; k < changes.size(); k++) {
            Paper p = changes.get(k).paper();
            if (stale.contains(p) && !vectors.containsKey(p.id().id())) {
                if (waitedEnough(p.id().id())) {
                    embedHere.add(p);
                } else {
                    upTo = k;
                    break;
                }
            }
        }
        if (upTo == 0) {
            return 0;
        }
        if (!embedHere.isEmpty()) {
            List<float[]> computed = embeddings.embedPapers(embedHere.stream()
                    .map(p -> new TextEmbeddings.PaperText(p.title(), p.abstractText()))
                    .toList());
            for (int k = 0; k < embedHere.size(); k++) {
                vectors.put(embedHere.get(k).id().id(), computed.get(k));
            }
        }
        List<CatalogChange> done = changes.subList(0, upTo);
        List<Extractor.Input> inputs = new ArrayList<>();
        Map<String, Paper> byId = new LinkedHashMap<>();
        for (CatalogChange c : done) {
            Paper p = c.paper();
            float[] v = vectors.get(p.id().id());
            if (v != null && stale.contains(p)) {
                inputs.add(new Extractor.Input(p.id().id(), p.title(), p.abstractText(), v));
                byId.put(p.id().id(), p);
            }
        }
        long started = System.nanoTime();
        List<Extractor.Output> outputs = extractor.extract(inputs);
        long took = System.nanoTime() - started;
        List<SummaryStore.Computed> computed = new ArrayList<>();
        for (Extractor.Output o : outputs) {
            computed.add(new SummaryStore.Computed(o.id(), o.summary(), o.keywords(), textHash(byId.get(o.id()))));
        }
        store.saveComputed(computed);
        store.saveProgress(done.getLast().seq());
        summaries.changed();
        waitingFor = null;
        if (!computed.isEmpty()) {
            events.publishEvent(new PaperKeywordsChanged(
                    computed.stream().map(SummaryStore.Computed::paperId).toList()));
        }
        logProgress(outputs.size(), took);
        return done.size();
    }

    private boolean waitedEnough(String id) {
        if (noWait) {
            return true;
        }
        long now = System.nanoTime();
        if (!id.equals(waitingFor)) {
            waitingFor = id;
            waitingSince = now;
            return settings.vectorWait().isZero();
        }
        return now - waitingSince >= settings.vectorWait().toNanos();
    }

    /**
     * Works through every change now, embedding papers without a stored vector itself (commands, tests); returns
     * how many changes it moved past.
     */
    synchronized long catchUp() {
        long done = 0;
        int n;
        noWait = true;
        try {
            while ((n = step()) > 0) {
                done += n;
            }
        } finally {
            noWait = false;
        }
        return done;
    }

    private String textHash(Paper p) {
        return textHash(p, embeddings.modelId());
    }

    static String textHash(Paper p, String model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(EXTRACTION_VERSION.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(p.title().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(p.abstractText().getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void logProgress(int n, long nanos) {
        doneSinceLog += n;
        nanosSinceLog += nanos;
        long now = System.nanoTime();
        if (now - lastLog > PROGRESS_LOG_NANOS && doneSinceLog > 0) {
            log.info(
                    "keywords and summaries: {} papers done ({} papers/s)",
                    store.countComputed(),
                    String.format(java.util.Locale.ROOT, "%.1f", doneSinceLog / (nanosSinceLog / 1e9)));
            doneSinceLog = 0;
            nanosSinceLog = 0;
            lastLog = now;
        }
    }

    @Override
    public Map<String, Long> statistics() {
        return Map.of("summarised", store.countComputed());
    }
}
