package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dailypapers.search.PaperKeywords;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.KeywordTerms;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.lucene.Analyzers;
import org.dailypapers.search.lucene.PaperIndex;
import org.jspecify.annotations.Nullable;

/**
 * The papers' index in Elasticsearch: an alias ({@code PREFIX-papers}) in front of one concrete index, so that a
 * rebuild fills a new index and switches the alias in one atomic step. Text goes in already analysed by the same
 * Lucene analyzers as the embedded index (docs/decisions/0005-elasticsearch-analysis.md) into fields whose server
 * analyzer only splits on whitespace; the catalog change number the index reflects is kept in the mapping's
 * {@code _meta}.
 */
public final class PaperDocuments {

    static final String SEQ_META = "catalog_seq";

    /** The document layout an index was created with, in its {@code _meta}; see {@link #LAYOUT}. */
    static final String LAYOUT_META = "layout";

    /**
     * 2: {@code text} filled by {@code copy_to} from title and abstract, analysed fields out of the stored source,
     * keywords. 3: sources and venues ({@code source=}, {@code venue=} and their facets). An index of another layout is
     * rebuilt from the catalog by the indexer.
     */
    static final int LAYOUT = 3;

    /** The original title and abstract, kept in the source (not indexed) for highlighting and sorting by hand. */
    static final String DISPLAY = "display";

    static final String UPVOTES = "upvotes";

    /** Documents per bulk request: about 3 MB with vectors, 2 MB without. */
    private static final int BULK_OPERATIONS = 1_000;

    /**
     * Bulk requests in flight: one more than the two write threads a 2-core node has, so that one waits in its
     * queue while the others are written and the node never idles between requests.
     */
    private static final int BULK_CONCURRENCY = 3;

    private final ElasticsearchClient client;
    private final ElasticsearchSettings settings;
    private final DocumentJson json = new DocumentJson(Analyzers.perField());
    private volatile PaperKeywords keywords = ids -> Map.of();

    public PaperDocuments(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return settings.alias();
    }

    /** Where documents written from now on get their keywords. */
    public void keywordsFrom(PaperKeywords source) {
        keywords = source;
    }

    // --- index and alias ----------------------------------------------------------------------------------------

    /** The concrete index behind the alias, creating both when there is none yet. */
    public String ensureIndex() {
        String current = concreteIndex();
        if (current != null) {
            return current;
        }
        String name = createIndex(false);
        try {
            client.indices()
                    .updateAliases(
                            u -> u.actions(a -> a.add(add -> add.index(name).alias(alias()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            // Another instance created it at the same moment: use theirs, drop ours.
            String theirs = concreteIndex();
            if (theirs != null) {
                deleteIndex(name);
                return theirs;
            }
            throw e;
        }
        return name;
    }

    /** The index the alias points at, or null when there is no alias yet. */
    public @Nullable String concreteIndex() {
        try {
            if (!client.indices().existsAlias(e -> e.name(alias())).value()) {
                return null;
            }
            GetAliasResponse r = client.indices().getAlias(g -> g.name(alias()));
            return r.aliases().keySet().stream().sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a new concrete index. One being built for a rebuild refreshes never, syncs its translog in the
     * background and has no replicas until {@link #finishBuilding}: all three only cost while nobody searches it,
     * and a failed rebuild deletes it anyway.
     */
    public String createIndex(boolean building) {
        String name = alias() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
                        .format(Instant.now().atOffset(ZoneOffset.UTC));
        String json =
                mapping(building ? 0 : settings.replicas(), building ? "-1" : "1s", building ? "async" : "request");
        try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** Makes a rebuilt index searchable and safe: replicas, refresh, then every write visible. */
    public void finishBuilding(String index) {
        try {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(
                            Integer.toString(settings.replicas()))
                    .refreshInterval(t -> t.time("1s"))
                    .translog(t -> t.durability(co.elastic.clients.elasticsearch.indices.TranslogDurability.Request))));
            client.indices().refresh(r -> r.index(index));
            client.cluster().health(h -> h.index(index)
                    .waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                    .timeout(t -> t.time("60s")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias at {@code index} alone, in one atomic step, and deletes the indices it pointed at. */
    public void switchAlias(String index) {
        try {
            Set<String> old = new LinkedHashSet<>();
            if (client.indices().existsAlias(e -> e.name(alias())).value()) {
                old.addAll(client.indices()
                        .getAlias(g -> g.name(alias()))
                        .aliases()
                        .keySet());
            }
            old.remove(index);
            client.indices().updateAliases(u -> {
                u.actions(a -> a.add(add -> add.index(index).alias(alias())));
                for (String o : old) {
                    u.actions(a -> a.remove(r -> r.index(o).alias(alias())));
                }
                return u;
            });
            for (String o : old) {
                deleteIndex(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteIndex(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every index of this prefix, the alias with them (evaluation and test indices when done). */
    public void dropAll() {
        try {
            for (String name : client.indices()
                    .get(g -> g.index(alias() + "-*").ignoreUnavailable(true).allowNoIndices(true))
                    .indices()
                    .keySet()) {
                deleteIndex(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String mapping(int replicas, String refresh, String durability) {
        String vectorOptions =
                switch (settings.vectorIndex()) {
                    case "bbq_hnsw", "int4_hnsw", "int8_hnsw", "hnsw" ->
                        "{\"type\":\"" + settings.vectorIndex() + "\",\"m\":" + PaperIndex.HNSW_MAX_CONNECTIONS
                                + ",\"ef_construction\":" + PaperIndex.HNSW_BEAM_WIDTH + "}";
                    default -> throw new IllegalStateException(settings.vectorIndex());
                };
        // Every text field's terms arrive analysed (decision 0005); text gets title and abstract by copy_to, so
        // they travel once. What only search needs stays out of the stored source (decision 0011).
        String text = "{\"type\":\"text\",\"analyzer\":\"whitespace\",\"position_increment_gap\":0}";
        String copied = "{\"type\":\"text\",\"analyzer\":\"whitespace\",\"copy_to\":\"" + PaperIndex.TEXT + "\"}";
        return """
                {"settings":{"number_of_shards":%d,"number_of_replicas":%d,"refresh_interval":"%s",
                  "translog":{"durability":"%s"}},
                 "mappings":{"dynamic":"strict","_meta":{"%s":0,"%s":%d},
                  "_source":{"excludes":["%s","%s","%s","%s","%s","%s"]},
                  "properties":{
                   "%s":{"type":"keyword"},
                   "%s":%s,"%s":%s,"%s":%s,"%s":%s,
                   "%s":{"type":"keyword"},"%s":{"type":"keyword"},
                   "%s":{"type":"long"},"%s":{"type":"integer"},"%s":{"type":"integer"},
                   "%s":{"type":"boolean"},"%s":{"type":"keyword"},"%s":{"type":"boolean"},
                   "%s":{"type":"keyword"},"%s":{"type":"keyword","index":false},
                   "%s":{"type":"keyword"},"%s":{"type":"keyword"},
                   "%s":{"type":"dense_vector","dims":%d,"similarity":"cosine","index":true,"index_options":%s},
                   "%s":{"type":"object","enabled":false}}}}
                """
                .formatted(
                        settings.shards(),
                        replicas,
                        refresh,
                        durability,
                        SEQ_META,
                        LAYOUT_META,
                        LAYOUT,
                        PaperIndex.VECTOR,
                        PaperIndex.TITLE,
                        PaperIndex.ABSTRACT,
                        PaperIndex.AUTHORS,
                        PaperIndex.CATEGORY,
                        PaperIndex.KEYWORD,
                        PaperIndex.ID,
                        PaperIndex.TITLE,
                        copied,
                        PaperIndex.ABSTRACT,
                        copied,
                        PaperIndex.TEXT,
                        text,
                        PaperIndex.AUTHORS,
                        text,
                        PaperIndex.CATEGORY,
                        PaperIndex.CATEGORY_FACET,
                        PaperIndex.PUBLISHED,
                        PaperIndex.YEAR,
                        UPVOTES,
                        PaperIndex.HAS_CODE,
                        PaperIndex.ORGANIZATION,
                        PaperIndex.NEEDS_VECTOR,
                        PaperIndex.KEYWORD,
                        PaperIndex.KEYWORD_FACET,
                        PaperIndex.SOURCE,
                        PaperIndex.VENUE,
                        PaperIndex.VECTOR,
                        BgeEmbedder.DIMENSIONS,
                        vectorOptions,
                        DISPLAY);
    }

    // --- the catalog change number --------------------------------------------------------------------------------

    /** The catalog change number {@code index} reflects; 0 for a new one. */
    public long committedSeq(String index) {
        return meta(index, SEQ_META);
    }

    /** The document layout {@code index} was created with; 1 for indices made before layouts were recorded. */
    public long layout(String index) {
        long layout = meta(index, LAYOUT_META);
        return layout == 0 ? 1 : layout;
    }

    private long meta(String index, String key) {
        try {
            var mapping =
                    client.indices().getMapping(g -> g.index(index)).mappings().get(index);
            if (mapping == null || mapping.mappings().meta() == null) {
                return 0;
            }
            JsonData value = mapping.mappings().meta().get(key);
            return value == null ? 0 : value.to(Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the change number once the writes before it are acknowledged (they are durable in the translog). */
    public void commitSeq(String index, long seq) {
        try {
            // _meta is replaced as a whole: the layout goes with the change number.
            client.indices().putMapping(p -> p.index(index)
                    .meta(SEQ_META, JsonData.of(seq))
                    .meta(LAYOUT_META, JsonData.of(layout(index))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- documents ------------------------------------------------------------------------------------------------

    /** Upserts the papers by id and waits until every write is acknowledged; fails when one was rejected. */
    public void upsert(String index, Collection<IndexedPaper> papers) {
        if (papers.isEmpty()) {
            return;
        }
        try (Bulk bulk = bulk(index)) {
            bulk.add(papers);
        }
    }

    /** A bulk ingester into {@code index}: writes go out while the caller reads the next papers. */
    public Bulk bulk(String index) {
        return new Bulk(index);
    }

    /** Upserts by paper id; {@link #close()} waits for every request in flight and fails if one was rejected. */
    public final class Bulk implements AutoCloseable {

        private final String index;
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final BulkIngester<Void> ingester;

        private Bulk(String index) {
            this.index = index;
            BulkListener<Void> listener = new BulkListener<>() {
                @Override
                public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {}

                @Override
                public void afterBulk(
                        long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
                    if (response.errors()) {
                        for (BulkResponseItem item : response.items()) {
                            if (item.error() != null) {
                                failure.compareAndSet(
                                        null, item.id() + ": " + item.error().reason());
                            }
                        }
                    }
                }

                @Override
                public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable error) {
                    failure.compareAndSet(null, error.toString());
                }
            };
            this.ingester = BulkIngester.of(b -> b.client(client)
                    .maxOperations(BULK_OPERATIONS)
                    .maxSize(8L * 1024 * 1024)
                    .maxConcurrentRequests(BULK_CONCURRENCY)
                    .flushInterval(1, TimeUnit.SECONDS)
                    .listener(listener));
        }

        public void add(Collection<IndexedPaper> papers) {
            Map<String, List<String>> phrases =
                    keywords.keywordsOf(papers.stream().map(IndexedPaper::id).toList());
            // Analysis is the costly part of a document: all cores do it.
            List<byte[]> docs = papers.parallelStream()
                    .map(p -> json.write(p, KeywordTerms.of(phrases.getOrDefault(p.id(), List.of()))))
                    .toList();
            int i = 0;
            for (IndexedPaper p : papers) {
                BinaryData doc = BinaryData.of(docs.get(i++), ContentType.APPLICATION_JSON);
                ingester.add(op -> op.index(x -> x.index(index).id(p.id()).document(doc)));
            }
            failIfRejected();
        }

        private void failIfRejected() {
            if (failure.get() != null) {
                throw new IllegalStateException("Elasticsearch rejected a bulk write: " + failure.get());
            }
        }

        @Override
        public void close() {
            ingester.close();
            failIfRejected();
        }
    }

    public void delete(String index, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            client.bulk(b -> {
                for (String id : ids) {
                    b.operations(op -> op.delete(d -> d.index(index).id(id)));
                }
                return b;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return count(null);
    }

    public long countEmbedded() {
        return count(PaperIndex.NEEDS_VECTOR);
    }

    private long count(@Nullable String embeddedFlag) {
        try {
            if (embeddedFlag == null) {
                return client.count(c -> c.index(alias())).count();
            }
            return client.count(c -> c.index(alias())
                            .query(q -> q.term(t -> t.field(embeddedFlag).value(false))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of documents that still lack a vector, at most {@code limit}. */
    public List<String> idsNeedingVectors(int limit) {
        try {
            SearchResponse<Void> r = client.search(
                    s -> s.index(alias())
                            .size(limit)
                            .source(src -> src.fetch(false))
                            .query(q ->
                                    q.term(t -> t.field(PaperIndex.NEEDS_VECTOR).value(true))),
                    Void.class);
            return r.hits().hits().stream().map(h -> h.id()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
