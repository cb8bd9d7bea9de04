package org.dailypapers.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchContractTest;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.VectorStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The search contract on Elasticsearch, plus what only this backend has: the alias a rebuild switches. */
@EnabledIfEnvironmentVariable(named = TestElasticsearch.URIS_VARIABLE, matches = ".+")
class ElasticsearchSearchContractTest extends SearchContractTest {

    static final String PREFIX = TestElasticsearch.uniquePrefix("contract");

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.search.backend", () -> "elasticsearch");
        registry.add("dailypapers.search.elasticsearch.uris", TestElasticsearch::urisText);
        registry.add("dailypapers.search.elasticsearch.index-prefix", () -> PREFIX);
    }

    @Autowired
    PaperDocuments documents;

    @Override
    protected String backendName() {
        return "elasticsearch";
    }

    @Autowired
    ElasticsearchIndexer indexer;

    @AfterAll
    void dropIndex() {
        // The background indexer would make a new index for the catalog at once.
        indexer.stop();
        documents.dropAll();
    }

    @Test
    void shouldRebuildIntoANewIndexAndSwitchTheAliasAtOnce() throws Exception {
        String before = documents.concreteIndex();
        List<String> top = ids("transformers", SearchMode.HYBRID);
        long indexed = maintenance.rebuild(ProgressListener.NONE);
        String after = documents.concreteIndex();
        assertThat(after).isNotEqualTo(before);
        assertThat(indexed).isEqualTo(catalog.counts().papers());
        assertThat(documents.count()).isEqualTo(catalog.counts().papers());
        assertThat(documents.countEmbedded())
                .as("vectors come from search_vector, never recomputed or lost")
                .isEqualTo(catalog.counts().papers());
        assertThat(ids("transformers", SearchMode.HYBRID)).isEqualTo(top);
        assertThat(documents.client().indices().exists(e -> e.index(before)).value())
                .as("the old index is gone")
                .isFalse();
    }

    @Autowired
    VectorStore vectors;

    @Autowired
    SearchSettings settings;

    @Test
    void shouldRebuildAnIndexOfAnOlderDocumentLayoutBehindTheAlias() throws Exception {
        String before = documents.concreteIndex();
        long seq = documents.committedSeq(before);
        // As an index made by a version before layouts were recorded (no layout in _meta).
        documents.client().indices().putMapping(p -> p.index(before)
                .meta(PaperDocuments.SEQ_META, co.elastic.clients.json.JsonData.of(seq))
                .meta(PaperDocuments.LAYOUT_META, co.elastic.clients.json.JsonData.of(1)));
        assertThat(documents.layout(before)).isEqualTo(1);
        ElasticsearchIndexer upgraded =
                new ElasticsearchIndexer(catalog, vectors, settings, documents, null, false, () -> {
                    throw new AssertionError("stored vectors are reused, nothing is embedded again");
                });
        assertThat(upgraded.catchUpStep()).isEqualTo(catalog.counts().papers());
        String after = documents.concreteIndex();
        assertThat(after).isNotEqualTo(before);
        assertThat(documents.layout(after)).isEqualTo(PaperDocuments.LAYOUT);
        assertThat(documents.committedSeq(after)).isEqualTo(catalog.lastChangeSeq());
        assertThat(documents.countEmbedded()).isEqualTo(catalog.counts().papers());
        assertThat(ids("title:retrieval", SearchMode.BM25)).containsExactly("2503.00003");
        assertThat(documents.client().indices().exists(e -> e.index(before)).value())
                .as("the old index is gone")
                .isFalse();
    }

    @Test
    void shouldResumeFromTheRecordedChangeNumberAndWriteIdempotently() {
        String index = documents.concreteIndex();
        long seq = documents.committedSeq(index);
        assertThat(seq).isPositive();
        long count = documents.count();
        // As after a crash between the writes and the change number: a new process applies the same changes again.
        documents.commitSeq(index, 0);
        ElasticsearchIndexer restarted =
                new ElasticsearchIndexer(catalog, vectors, settings, documents, null, false, () -> {
                    throw new AssertionError("nothing may be embedded again");
                });
        assertThat(restarted.catchUp()).isEqualTo(catalog.counts().papers());
        assertThat(documents.committedSeq(index)).isEqualTo(seq);
        assertThat(documents.count()).isEqualTo(count);
    }
}
