package org.dailypapers.search.core;

import java.time.Duration;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.SearchEngine;
import org.dailypapers.search.lucene.VectorFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.search.*}. The defaults are what the evaluation measured best; {@code eval}
 * runs with them too.
 *
 * @param fusion {@code score} (min-max score fusion) or {@code rrf} (reciprocal rank fusion)
 * @param alpha weight of the keyword side in score fusion
 * @param depth candidates each side contributes to a fused list
 * @param pollInterval how often the index looks for catalog changes made by other processes (a CLI import while
 *     the server runs); changes made in-process are indexed at once
 * @param embedBatch papers embedded per step of the background embedding
 * @param backgroundIndexing whether this process keeps the index in step and embeds new papers; unset means yes
 *     for the server and no for other commands (which must not hold the index's write lock)
 * @param vectorFormat how the embedded index holds vectors: {@code int8} (default), {@code float}, {@code int4} or
 *     {@code bbq} (see {@link VectorFormat}); an index keeps its older segments' format until {@code reindex}
 * @param backend {@code lucene} (the embedded index, the default) or {@code elasticsearch} (settings under
 *     {@code dailypapers.search.elasticsearch.*})
 * @param queryThreads threads one search of the embedded index spreads over its segments, the caller among them;
 *     {@code 0} (the default): one per core (docs/decisions/0013-query-threads.md)
 */
@ConfigurationProperties("dailypapers.search")
public record SearchSettings(
        @DefaultValue("score") String fusion,
        @DefaultValue("0.5") double alpha,
        @DefaultValue("100") int depth,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("64") int embedBatch,
        @org.jspecify.annotations.Nullable Boolean backgroundIndexing,
        @DefaultValue("int8") String vectorFormat,
        @DefaultValue(LUCENE) String backend,
        @DefaultValue("0") int queryThreads) {

    public static final String LUCENE = "lucene";
    public static final String ELASTICSEARCH = "elasticsearch";

    public SearchSettings {
        if (!backend.equals(LUCENE) && !backend.equals(ELASTICSEARCH)) {
            throw new IllegalArgumentException(
                    "dailypapers.search.backend (DAILYPAPERS_SEARCH_BACKEND) must be lucene or"
                            + " elasticsearch, not '" + backend + "'");
        }
        VectorFormat.parse(vectorFormat);
        if (queryThreads < 0) {
            throw new IllegalArgumentException(
                    "dailypapers.search.query-threads (DAILYPAPERS_SEARCH_QUERY_THREADS) must be 0 (one per core) or"
                            + " more, not " + queryThreads);
        }
    }

    /** Threads one search spreads over: the setting, or one per core where it is 0. */
    public int searchThreads() {
        return queryThreads > 0 ? queryThreads : Runtime.getRuntime().availableProcessors();
    }

    public VectorFormat vectors() {
        return VectorFormat.parse(vectorFormat);
    }

    public static SearchSettings defaults() {
        return new SearchSettings(
                "score",
                Fusion.DEFAULT_ALPHA,
                SearchEngine.DEFAULT_DEPTH,
                Duration.ofSeconds(5),
                64,
                null,
                "int8",
                LUCENE,
                0);
    }

    public SearchSettings withFusion(String name) {
        return new SearchSettings(
                name, alpha, depth, pollInterval, embedBatch, backgroundIndexing, vectorFormat, backend, queryThreads);
    }

    public SearchSettings withVectorFormat(VectorFormat format) {
        return new SearchSettings(
                fusion,
                alpha,
                depth,
                pollInterval,
                embedBatch,
                backgroundIndexing,
                format.name().toLowerCase(java.util.Locale.ROOT),
                backend,
                queryThreads);
    }

    public SearchEngine engine(PaperIndex index, BgeEmbedder embedder) {
        return new SearchEngine(index, embedder, fusionMethod(), alpha, depth);
    }

    public Fusion fusionMethod() {
        return Fusion.parse(fusion)
                .orElseThrow(() -> new IllegalArgumentException(
                        "dailypapers.search.fusion must be score or rrf, not '" + fusion + "'"));
    }
}
