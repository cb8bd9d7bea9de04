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
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.dailypapers.search.core.IndexedPaper;
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

    /** The original title and abstract, kept in the source (not indexed) for highlighting and sorting by hand. */
    static final String DISPLAY = "display";

    static final String UPVOTES = "upvotes";

    /** Documents per bulk request: about 1.5 MB with vectors. */
    private static final int BULK_OPERATIONS = 500;

    private final ElasticsearchClient client;
    private final ElasticsearchSettings settings;
    private final Analyzer analyzer = Analyzers.perField();

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
        String text = "{\"type\":\"text\",\"analyzer\":\"whitespace\",\"position_increment_gap\":0}";
        return """
                {"settings":{"number_of_shards":%d,"number_of_replicas":%d,"refresh_interval":"%s",
                  "translog":{"durability":"%s"}},
                 "mappings":{"dynamic":"strict","_meta":{"%s":0},"_source":{"excludes":["%s"]},
                  "properties":{
                   "%s":{"type":"keyword"},
                   "%s":%s,"%s":%s,"%s":%s,"%s":%s,
                   "%s":{"type":"keyword"},"%s":{"type":"keyword"},
                   "%s":{"type":"long"},"%s":{"type":"integer"},"%s":{"type":"integer"},
                   "%s":{"type":"boolean"},"%s":{"type":"keyword"},"%s":{"type":"boolean"},
                   "%s":{"type":"dense_vector","dims":%d,"similarity":"cosine","index":true,"index_options":%s},
                   "%s":{"type":"object","enabled":false}}}}
                """
                .formatted(
                        settings.shards(),
                        replicas,
                        refresh,
                        durability,
                        SEQ_META,
                        PaperIndex.VECTOR,
                        PaperIndex.ID,
                        PaperIndex.TITLE,
                        text,
                        PaperIndex.ABSTRACT,
                        text,
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
                        PaperIndex.VECTOR,
                        BgeEmbedder.DIMENSIONS,
                        vectorOptions,
                        DISPLAY);
    }

    // --- the catalog change number --------------------------------------------------------------------------------

    /** The catalog change number {@code index} reflects; 0 for a new one. */
    public long committedSeq(String index) {
        try {
            var mapping =
                    client.indices().getMapping(g -> g.index(index)).mappings().get(index);
            if (mapping == null || mapping.mappings().meta() == null) {
                return 0;
            }
            JsonData seq = mapping.mappings().meta().get(SEQ_META);
            return seq == null ? 0 : seq.to(Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the change number once the writes before it are acknowledged (they are durable in the translog). */
    public void commitSeq(String index, long seq) {
        try {
            client.indices().putMapping(p -> p.index(index).meta(SEQ_META, JsonData.of(seq)));
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
                    .maxConcurrentRequests(2)
                    .flushInterval(1, TimeUnit.SECONDS)
                    .listener(listener));
        }

        public void add(Collection<IndexedPaper> papers) {
            // Analysis is the costly part of a document: all cores do it.
            List<Map<String, Object>> docs =
                    papers.parallelStream().map(PaperDocuments.this::document).toList();
            for (Map<String, Object> doc : docs) {
                String id = (String) doc.get(PaperIndex.ID);
                ingester.add(op -> op.index(i -> i.index(index).id(id).document(doc)));
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

    /** The document of one paper: analysed text as whitespace-separated terms, facets, filters and its vector. */
    Map<String, Object> document(IndexedPaper p) {
        List<String> title = terms(PaperIndex.TITLE, p.title());
        List<String> abstractTerms = terms(PaperIndex.ABSTRACT, p.abstractText());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(PaperIndex.ID, p.id());
        doc.put(PaperIndex.TITLE, String.join(" ", title));
        doc.put(PaperIndex.ABSTRACT, String.join(" ", abstractTerms));
        // The embedded index analyses "title\nabstract"; the newline always ends a token, so this is the same.
        List<String> text = new ArrayList<>(title.size() + abstractTerms.size());
        text.addAll(title);
        text.addAll(abstractTerms);
        doc.put(PaperIndex.TEXT, String.join(" ", text));
        List<String> authors = new ArrayList<>();
        for (String a : p.authors()) {
            authors.add(String.join(" ", terms(PaperIndex.AUTHORS, a)));
        }
        doc.put(PaperIndex.AUTHORS, authors);
        Set<String> categoryTerms = new LinkedHashSet<>();
        for (String c : p.categories()) {
            String lower = c.toLowerCase(Locale.ROOT);
            categoryTerms.add(lower);
            int dot = lower.indexOf('.');
            if (dot > 0) {
                categoryTerms.add(lower.substring(0, dot));
            }
        }
        doc.put(PaperIndex.CATEGORY, List.copyOf(categoryTerms));
        doc.put(PaperIndex.CATEGORY_FACET, p.categories());
        if (p.published() != null) {
            doc.put(PaperIndex.PUBLISHED, p.published().toEpochDay());
            doc.put(PaperIndex.YEAR, p.published().getYear());
        }
        doc.put(UPVOTES, p.upvotes());
        doc.put(PaperIndex.HAS_CODE, p.hasCode());
        if (p.organization() != null) {
            doc.put(PaperIndex.ORGANIZATION, p.organization());
        }
        if (p.vector() != null) {
            doc.put(PaperIndex.VECTOR, p.vector());
            doc.put(PaperIndex.NEEDS_VECTOR, false);
        } else {
            doc.put(PaperIndex.NEEDS_VECTOR, true);
        }
        doc.put(DISPLAY, Map.of(PaperIndex.TITLE, p.title(), PaperIndex.ABSTRACT, p.abstractText()));
        return doc;
    }

    /** The terms the embedded index would index for this field's text. */
    List<String> terms(String field, String value) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
