package org.dailypapers.follow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.for-you.*}.
 *
 * @param days feed days the page, its API and its feed look back over (the API's {@code days} parameter overrides
 *     it, up to {@code maxDays})
 * @param maxDays the longest window a request may ask for
 * @param neighbours similar papers read per liked paper; more finds more of a window in a large catalog, at the
 *     cost of a larger vector search per liked paper
 */
@ConfigurationProperties("dailypapers.for-you")
record ForYouProperties(
        @DefaultValue("7") int days, @DefaultValue("60") int maxDays, @DefaultValue("200") int neighbours) {}
