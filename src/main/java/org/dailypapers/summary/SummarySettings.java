package org.dailypapers.summary;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.summary.*}.
 *
 * @param background whether this process computes keywords and summaries of new papers; unset means yes for the
 *     server and no for other commands
 * @param batch papers extracted per step (their phrases and sentences go to the embedder in one call)
 * @param pollInterval how often the worker looks for papers that got their vector or changed in another process
 * @param vectorWait how long a paper waits for the search module's background embedding before the worker embeds
 *     it itself (when no embedding runs, as with the index held by another process)
 * @param cachedPhrases phrase vectors kept in memory (about 1.6 KB each)
 */
@ConfigurationProperties("dailypapers.summary")
record SummarySettings(
        @Nullable Boolean background,
        @DefaultValue("64") int batch,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("2m") Duration vectorWait,
        @DefaultValue("10000") int cachedPhrases) {}
