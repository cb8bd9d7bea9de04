package org.dailypapers.search.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.dailypapers.search.PaperKeywords;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.KeywordTerms;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers: one document per paper, replaced as a whole on every change. Holds the catalog change
 * number it has caught up to in its commit data, so that a restart resumes where the last commit stopped.
 *
 * <p>Either writable (the one process that keeps the index in step: the server, or a command such as
 * {@code reindex}) or read-only (other commands, which see the last commit).
 */
public final class PaperIndex implements Closeable {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    /** Title and abstract in one field: BM25 over one field measured better on SciFact than over two. */
    public static final String TEXT = "text";

    public static final String AUTHORS = "authors";
    public static final String CATEGORY = "cat";
    public static final String CATEGORY_FACET = "category";
    public static final String PUBLISHED = "published";
    static final String PUBLISHED_SORT = "published_dv";
    public static final String YEAR = "year";
    static final String UPVOTES = "upvotes_dv";
    public static final String HAS_CODE = "has_code";
    public static final String ORGANIZATION = "org";
    /** Key phrases (see {@link PaperKeywords}): lower-cased whole phrases for {@code keyword:}, shown ones for the facet. */
    public static final String KEYWORD = "keyword";

    public static final String KEYWORD_FACET = "keyword_facet";

    /**
     * Where the paper is found ({@code arxiv}, {@code acl}, ...) and the venue keys of its records: one keyword field
     * each, indexed for the {@code source=} and {@code venue=} filters and with doc values for the facets (the values
     * are canonical slugs already, so one field serves both, unlike categories).
     */
    public static final String SOURCE = "source";

    public static final String VENUE = "venue";
    public static final String VECTOR = "vector";
    /** Marks documents whose vector is still to be computed; the embedder works through them. */
    public static final String NEEDS_VECTOR = "needs_vector";

    private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);

    private static final String SEQ_KEY = "catalog_seq";

    /**
     * The layout of the documents. An index of another layout is rebuilt from the catalog when it is opened for
     * writing (stored vectors are reused, nothing is embedded again). 2: title and abstract carry offsets. 3: sources
     * and venues. 4: the abstract is inverted once, in the BM25 field, which carries the offsets.
     */
    static final String SCHEMA_KEY = "schema";

    static final int SCHEMA = 4;

    /**
     * The first position of the abstract in the BM25 field; the title's positions lie below it. {@code abstract:}
     * searches are this range of the BM25 field ({@link AbstractQueries}), and no phrase runs from a title into its
     * abstract. No real title comes near it (a record holds at most dailypapers.import.max-record-size, 1 MB); one
     * that did would be cut there in the BM25 field.
     */
    static final int ABSTRACT_POSITION = 1 << 20;

    /**
     * Title and abstract are highlighted on every search page. With their offsets in the postings the highlighter
     * reads where the words are instead of analysing each hit's text again, which cost two thirds of a search's
     * CPU (docs/decisions/0009-search-under-load.md).
     */
    private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

    private static FieldType highlightedText() {
        // Stored separately (a field holds either its text or a token stream): see document().
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * Denser HNSW graph than Lucene's default (16, 100), because every point of nDCG the approximate search loses
     * against exact cosine shows in the SciFact figures. The vectors the graph reads are quantised (int8 by default,
     * {@link VectorFormat}); the candidates are rescored with the float originals.
     */
    public static final int HNSW_MAX_CONNECTIONS = 32;

    public static final int HNSW_BEAM_WIDTH = 200;

    /** Below this many papers per thread, a second thread costs more than it saves. */
    private static final int PAPERS_PER_THREAD = 64;

    private static final java.util.concurrent.ThreadFactory INDEXING_THREADS =
            Thread.ofPlatform().name("search-indexing-", 0).daemon(true).factory();

    /** Workers of the searches that spread over segments, shared by every index of the process, one pool per size. */
    private static final Map<Integer, java.util.concurrent.ExecutorService> QUERY_POOLS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Directory directory;
    private final VectorFormat vectorFormat;
    private final Analyzer analyzer;
    private final @Nullable IndexWriter writer;
    private @Nullable SearcherManager searchers;
    private volatile PaperKeywords keywords = ids -> Map.of();
    private java.util.concurrent.@Nullable ExecutorService writingPool;
    private int writingThreads;

    private final org.apache.lucene.search.SearcherFactory searcherFactory;

    private PaperIndex(Directory directory, @Nullable IndexWriter writer, VectorFormat vectorFormat, int queryThreads)
            throws IOException {
        this.directory = directory;
        this.vectorFormat = vectorFormat;
        this.analyzer = Analyzers.perField();
        this.writer = writer;
        this.searcherFactory = searcherFactory(queryThreads);
        this.searchers = writer != null ? new SearcherManager(writer, searcherFactory) : null;
    }

    /**
     * Searchers that spread one search over {@code queryThreads} threads, the caller among them (Lucene's slices of
     * segments; the caller runs any slice no worker has started, so a busy pool never stalls a search). With 1, a
     * search runs on its caller alone. Under load every core is busy anyway and the work is the same, only split;
     * a lone search on idle cores ends sooner (docs/decisions/0013-query-threads.md).
     */
    private static org.apache.lucene.search.SearcherFactory searcherFactory(int queryThreads) {
        if (queryThreads <= 1) {
            return new org.apache.lucene.search.SearcherFactory();
        }
        java.util.concurrent.ExecutorService pool = QUERY_POOLS.computeIfAbsent(
                queryThreads - 1,
                workers -> java.util.concurrent.Executors.newFixedThreadPool(
                        workers,
                        Thread.ofPlatform()
                                .name("search-query-", 0)
                                .daemon(true)
                                .factory()));
        return new org.apache.lucene.search.SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(
                    org.apache.lucene.index.IndexReader reader,
                    org.apache.lucene.index.@Nullable IndexReader previous) {
                return new IndexSearcher(reader, pool);
            }
        };
    }

    /** Takes Lucene's write lock; fails with {@link org.apache.lucene.store.LockObtainFailedException} if held. */
    public static PaperIndex openWritable(Directory directory) throws IOException {
        return openWritable(directory, VectorFormat.DEFAULT);
    }

    /** As {@link #openWritable(Directory)}, writing vectors in {@code vectors}. */
    public static PaperIndex openWritable(Directory directory, VectorFormat vectors) throws IOException {
        return openWritable(directory, vectors, 1);
    }

    /** As {@link #openWritable(Directory, VectorFormat)}; large merges build their graph on {@code threads}. */
    static PaperIndex openWritable(Directory directory, VectorFormat vectors, int threads) throws IOException {
        return openWritable(directory, vectors, threads, 1);
    }

    /** As {@link #openWritable(Directory, VectorFormat, int)}; one search spreads over {@code queryThreads}. */
    static PaperIndex openWritable(Directory directory, VectorFormat vectors, int threads, int queryThreads)
            throws IOException {
        KnnVectorsFormat vectorsFormat = vectors.codecFormat(threads);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(256);
        config.setCommitOnClose(false);
        config.setCodec(new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectorsFormat;
            }
        });
        if (DirectoryReader.indexExists(directory) && schemaOf(directory) != SCHEMA) {
            // Another layout: start afresh; the indexer catches up from change 0 with the stored vectors.
            log.info(
                    "search index layout {} is not {}: rebuilding it from the catalog (stored vectors are reused)",
                    schemaOf(directory),
                    SCHEMA);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        }
        IndexWriter writer = new IndexWriter(directory, config);
        if (writer.getLiveCommitData() == null
                || !writer.getLiveCommitData().iterator().hasNext()) {
            // An empty index still gets a commit, so that read-only openers find one.
            writer.setLiveCommitData(commitData(0));
            writer.commit();
        }
        return new PaperIndex(directory, writer, vectors, queryThreads);
    }

    private static Iterable<Map.Entry<String, String>> commitData(long catalogSeq) {
        return Map.of(SEQ_KEY, Long.toString(catalogSeq), SCHEMA_KEY, Integer.toString(SCHEMA))
                .entrySet();
    }

    /** The layout of the last commit; 1 for indexes written before layouts were numbered. */
    private static int schemaOf(Directory directory) throws IOException {
        String schema =
                DirectoryReader.listCommits(directory).getLast().getUserData().get(SCHEMA_KEY);
        return schema == null ? 1 : Integer.parseInt(schema);
    }

    static PaperIndex openReadOnly(Directory directory, VectorFormat vectors, int queryThreads) throws IOException {
        return new PaperIndex(directory, null, vectors, queryThreads);
    }

    VectorFormat vectorFormat() {
        return vectorFormat;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    boolean writable() {
        return writer != null;
    }

    /** Where documents written from now on get their keywords. */
    public void keywordsFrom(PaperKeywords source) {
        keywords = source;
    }

    public void upsert(Collection<IndexedPaper> papers) {
        write(papers, true, 1);
    }

    /**
     * Writes papers with {@code threads} threads analysing and inverting at once (the writer takes documents from
     * several threads, one in-memory segment each). {@code replace} false adds without looking for an older
     * document of the same paper: only right after {@link #deleteAll()}.
     */
    void write(Collection<IndexedPaper> papers, boolean replace, int threads) {
        IndexWriter w = requireWriter();
        List<IndexedPaper> list = List.copyOf(papers);
        Map<String, List<String>> phrases =
                keywords.keywordsOf(list.stream().map(IndexedPaper::id).toList());
        int parts = Math.max(1, Math.min(threads, list.size() / PAPERS_PER_THREAD));
        if (parts == 1) {
            writeEvery(w, list, phrases, replace, 0, 1);
            return;
        }
        java.util.concurrent.ExecutorService pool = writingPool(parts);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int first = part;
            done.add(pool.submit(() -> writeEvery(w, list, phrases, replace, first, parts)));
        }
        // Every part ends before this returns, interrupted or not: the writer must not be closed or rolled back
        // under a thread still adding to it.
        boolean interrupted = false;
        @Nullable Throwable failure = null;
        for (var f : done) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the search index");
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new IllegalStateException("cannot write the search index", failure);
        }
    }

    /** The threads that write documents, kept from step to step (a rebuild or an import makes hundreds of steps). */
    private synchronized java.util.concurrent.ExecutorService writingPool(int threads) {
        if (writingPool == null || writingThreads < threads) {
            if (writingPool != null) {
                writingPool.shutdown();
            }
            writingPool = java.util.concurrent.Executors.newFixedThreadPool(threads, INDEXING_THREADS);
            writingThreads = threads;
        }
        return writingPool;
    }

    /** Writes the papers at {@code first}, {@code first + step}, ... */
    private void writeEvery(
            IndexWriter w,
            List<IndexedPaper> papers,
            Map<String, List<String>> phrases,
            boolean replace,
            int first,
            int step) {
        try {
            for (int k = first; k < papers.size(); k += step) {
                IndexedPaper p = papers.get(k);
                Document doc = document(p);
                addKeywords(doc, phrases.getOrDefault(p.id(), List.of()));
                if (replace) {
                    w.updateDocument(new Term(ID, p.id()), doc);
                } else {
                    w.addDocument(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    void delete(Collection<String> ids) {
        IndexWriter w = requireWriter();
        try {
            for (String id : ids) {
                w.deleteDocuments(new Term(ID, id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    void deleteAll() {
        try {
            requireWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    /** Makes everything written so far durable, together with the catalog change number it reflects. */
    public void commit(long catalogSeq) {
        IndexWriter w = requireWriter();
        try {
            w.setLiveCommitData(commitData(catalogSeq));
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /**
     * Merges at full speed, or again at the rate Lucene's adaptive throttle allows while searches run beside them.
     * For a rebuild ({@code reindex}), where no reader waits on the disk. An import keeps the throttle: merging at
     * full speed beside it took more of the two cores than indexing did and made 2.7 million papers searchable
     * several times later (docs/scale.md).
     */
    void mergeAtFullSpeed(boolean fullSpeed) {
        if (requireWriter().getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
            if (fullSpeed) {
                merges.disableAutoIOThrottle();
            } else {
                merges.enableAutoIOThrottle();
            }
        }
    }

    /**
     * For a rebuild ({@code reindex}, which sets {@link #mergeAtFullSpeed} around it): lets the merges still running
     * finish, with any they start in turn, then commits them. Closing the writer rolls back, which aborts running merges: the 2.7-million-paper
     * reindex ended with 67 segments, and every query looked each term up in all of them (docs/scale.md).
     *
     * @return the number of segments after
     */
    int settleMerges(long catalogSeq) {
        IndexWriter w = requireWriter();
        commit(catalogSeq);
        int before = committedSegments();
        if (w.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges
                && (w.hasPendingMerges() || merges.mergeThreadCount() > 0)) {
            long start = System.nanoTime();
            log.info("search index: letting the running merges finish ({} segments)", before);
            // A commit may select merges of its own (and a finished merge may start the next): until none is left.
            do {
                merges.sync();
                commit(catalogSeq);
            } while (w.hasPendingMerges() || merges.mergeThreadCount() > 0);
            int after = committedSegments();
            log.info(
                    "search index: {} segments merged into {} in {} s",
                    before,
                    after,
                    java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            return after;
        }
        return before;
    }

    /** Segments of the last commit. */
    int committedSegments() {
        try {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory)
                    .size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index's last commit", e);
        }
    }

    /** The catalog change number of the last commit; 0 for a new index. */
    long committedSeq() {
        try {
            Iterable<Map.Entry<String, String>> data = writer != null
                    ? writer.getLiveCommitData()
                    : DirectoryReader.listCommits(directory)
                            .getLast()
                            .getUserData()
                            .entrySet();
            if (data != null) {
                for (Map.Entry<String, String> e : data) {
                    if (e.getKey().equals(SEQ_KEY)) {
                        return Long.parseLong(e.getValue());
                    }
                }
            }
            return 0;
        } catch (IndexNotFoundException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** Makes the writes so far visible to searches (near real time; no commit needed). */
    public void refresh() {
        try {
            SearcherManager s = searchers();
            if (s != null) {
                s.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the search index", e);
        }
    }

    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    public <T> T withSearcher(SearcherFunction<T> function) {
        try {
            SearcherManager s = searchers();
            if (s == null) {
                return function.apply(new IndexSearcher(new MultiReader()));
            }
            if (writer == null) {
                s.maybeRefresh();
            }
            IndexSearcher searcher = s.acquire();
            try {
                return function.apply(searcher);
            } finally {
                s.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    /** A read-only index opens its reader once the first commit exists. */
    private synchronized @Nullable SearcherManager searchers() throws IOException {
        if (searchers == null && writer == null && DirectoryReader.indexExists(directory)) {
            searchers = new SearcherManager(directory, searcherFactory);
        }
        return searchers;
    }

    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    public long countEmbedded() {
        return withSearcher(
                s -> s.getIndexReader().numDocs() - (long) s.count(new TermQuery(new Term(NEEDS_VECTOR, "1"))));
    }

    /** Ids of documents that still lack a vector, at most {@code limit}. */
    List<String> idsNeedingVectors(int limit) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(NEEDS_VECTOR, "1")), limit);
            List<String> ids = new ArrayList<>();
            var stored = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(stored.document(sd.doc, java.util.Set.of(ID)).get(ID));
            }
            return ids;
        });
    }

    /** The stored vector of a document, or null when it has none (yet). */
    static float @Nullable [] vectorOf(IndexSearcher searcher, int docId) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int local = docId - leaf.docBase;
        if (it.advance(local) != local) {
            return null;
        }
        return values.vectorValue(it.index()).clone();
    }

    /** The Lucene document id of a paper, or -1. */
    static int docIdOf(IndexSearcher searcher, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    private Document document(IndexedPaper p) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        // Analysed once each. The title is inverted twice (its own field for title: and its highlight, and the BM25
        // field); the abstract, ten times longer, only into the BM25 field, whose offsets the snippets are read from
        // (Highlights) and whose positions from ABSTRACT_POSITION on are abstract: (AbstractQueries). Inverting it
        // twice was the largest part of an import's CPU (docs/scale.md).
        AnalyzedText title = AnalyzedText.of(analyzer, TITLE, p.title());
        AnalyzedText abstractText = AnalyzedText.of(analyzer, ABSTRACT, p.abstractText());
        doc.add(new StoredField(TITLE, p.title()));
        doc.add(new Field(TITLE, title.replay(), HIGHLIGHTED_TEXT));
        doc.add(new StoredField(ABSTRACT, p.abstractText()));
        doc.add(new Field(TEXT, title.replay(0, ABSTRACT_POSITION), HIGHLIGHTED_TEXT));
        doc.add(new Field(TEXT, abstractText.replay(ABSTRACT_POSITION, Integer.MAX_VALUE), HIGHLIGHTED_TEXT));
        for (String author : p.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        }
        java.util.Set<String> categoryTerms = new java.util.LinkedHashSet<>();
        for (String c : p.categories()) {
            String lower = c.toLowerCase(Locale.ROOT);
            categoryTerms.add(lower);
            int dot = lower.indexOf('.');
            // "cs" finds every cs.* paper, as arXiv's archive listings do.
            if (dot > 0) {
                categoryTerms.add(lower.substring(0, dot));
            }
            doc.add(new SortedSetDocValuesField(CATEGORY_FACET, new BytesRef(c)));
        }
        for (String t : categoryTerms) {
            doc.add(new StringField(CATEGORY, t, Field.Store.NO));
        }
        if (p.published() != null) {
            long day = p.published().toEpochDay();
            doc.add(new LongPoint(PUBLISHED, day));
            doc.add(new NumericDocValuesField(PUBLISHED_SORT, day));
            doc.add(new NumericDocValuesField(YEAR, p.published().getYear()));
        }
        doc.add(new NumericDocValuesField(UPVOTES, p.upvotes()));
        if (p.hasCode()) {
            doc.add(new StringField(HAS_CODE, "true", Field.Store.NO));
        }
        if (p.organization() != null) {
            doc.add(new StringField(ORGANIZATION, p.organization(), Field.Store.NO));
        }
        for (String source : p.sources()) {
            doc.add(new KeywordField(SOURCE, source, Field.Store.NO));
        }
        for (String venue : p.venues()) {
            doc.add(new KeywordField(VENUE, venue, Field.Store.NO));
        }
        if (p.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        } else {
            doc.add(new StringField(NEEDS_VECTOR, "1", Field.Store.NO));
        }
        return doc;
    }

    /** The key phrases as {@link KeywordTerms} makes them for both backends. */
    private static void addKeywords(Document doc, List<String> phrases) {
        KeywordTerms k = KeywordTerms.of(phrases);
        k.terms().forEach(t -> doc.add(new StringField(KEYWORD, t, Field.Store.NO)));
        k.shown().forEach(v -> doc.add(new SortedSetDocValuesField(KEYWORD_FACET, new BytesRef(v))));
    }

    private IndexWriter requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("the search index is open read-only");
        }
        return writer;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (writingPool != null) {
                writingPool.shutdown();
                writingPool = null;
            }
        }
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.rollback();
        }
        directory.close();
    }
}
