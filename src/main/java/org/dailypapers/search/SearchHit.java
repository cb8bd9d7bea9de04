package org.dailypapers.search;

import org.dailypapers.paper.ArxivId;
import org.jspecify.annotations.Nullable;

/**
 * One result.
 *
 * @param score the mode's score (BM25, cosine, or fused), comparable only within one result list
 * @param titleHighlight the title as safe HTML with matches in {@code <mark>}, or null when nothing matched
 * @param snippet a passage of the abstract as safe HTML with matches in {@code <mark>}, or null
 */
public record SearchHit(ArxivId id, double score, @Nullable String titleHighlight, @Nullable String snippet) {}
