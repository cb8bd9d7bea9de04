package org.dailypapers.search.core;

import java.time.Duration;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.SearchEngine;
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
 */
@ConfigurationProperties("dailypapers.search")
public record SearchSettings(
        @DefaultValue("score") String fusion,
        @DefaultValue("0.5") double alpha,
        @DefaultValue("100") int depth,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("64") int embedBatch,
        @org.jspecify.annotations.Nullable Boolean backgroundIndexing) {

    public static SearchSettings defaults() {
        return new SearchSettings(
                "score", Fusion.DEFAULT_ALPHA, SearchEngine.DEFAULT_DEPTH, Duration.ofSeconds(5), 64, null);
    }

    public SearchSettings withFusion(String name) {
        return new SearchSettings(name, alpha, depth, pollInterval, embedBatch, backgroundIndexing);
    }

    public SearchEngine engine(PaperIndex index, BgeEmbedder embedder) {
        Fusion f = Fusion.parse(fusion)
                .orElseThrow(() -> new IllegalArgumentException(
                        "dailypapers.search.fusion must be score or rrf, not '" + fusion + "'"));
        return new SearchEngine(index, embedder, f, alpha, depth);
    }
}
