package org.dailypapers.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code dailypapers.arxiv.*}.
 *
 * @param oaiBaseUrl arXiv's OAI-PMH endpoint
 * @param apiBaseUrl arXiv's Atom query API
 * @param requestInterval least time between two requests to arXiv; arXiv asks for 3 s, tests shorten it
 * @param harvestCron when the daily harvest runs (Spring cron, six fields); {@code -} switches it off
 * @param set the OAI set harvested when none is named ({@code cs}, {@code physics:hep-th}, or empty for all)
 * @param metadataPrefix {@code arXiv} (authors split into names) or {@code arXivRaw} (all versions with dates)
 * @param maxAttempts tries per request when arXiv answers 503 or the connection fails
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the harvest instead of hanging
 * @param timeout time for one whole response (a 1,000-record page is a few megabytes)
 * @param cacheSize papers the API client keeps in memory
 * @param cacheTtl how long a fetched paper is served from memory
 * @param connectTimeout the longest wait for a connection to arXiv when a user waits for the answer (a submission)
 * @param answerTimeout the longest wait for arXiv's whole answer when a user waits for it; a submission fails with a
 *     message saying so instead of waiting for retries
 * @param maxResponseSize the largest response read; a 1,000-record page is about 5 MB, so anything far larger is a
 *     fault, refused before it exhausts memory
 */
@ConfigurationProperties("dailypapers.arxiv")
record ArxivProperties(
        @DefaultValue("https://export.arxiv.org/oai2") String oaiBaseUrl,
        @DefaultValue("https://export.arxiv.org/api/query") String apiBaseUrl,
        @DefaultValue("3s") Duration requestInterval,
        @DefaultValue("-") String harvestCron,
        @DefaultValue("cs") String set,
        @DefaultValue("arXivRaw") String metadataPrefix,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10m") Duration maxRetryAfter,
        @DefaultValue("2m") Duration timeout,
        @DefaultValue("2000") int cacheSize,
        @DefaultValue("1h") Duration cacheTtl,
        @DefaultValue("64MB") DataSize maxResponseSize,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration answerTimeout) {}
