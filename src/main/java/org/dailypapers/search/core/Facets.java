package org.dailypapers.search.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.dailypapers.search.FacetCount;

/**
 * The facets a search shows, in the order and number every backend shows them: categories, keywords, sources and
 * venues by count, ties by name, the most frequent first; years newest first. Each backend counts the values its own way (Lucene by
 * doc-value ordinals, Elasticsearch by aggregations or over a fused candidate list) and hands the counts here, so
 * that both answer the same facets for the same hits.
 */
public final class Facets {

    public static final String CATEGORY = "category";
    public static final String KEYWORD = "keyword";
    public static final String YEAR = "year";
    public static final String SOURCE = "source";
    public static final String VENUE = "venue";

    /** Categories listed (the most frequent among the hits). */
    public static final int CATEGORIES = 30;

    /** Keyword facet values listed (the most frequent among the hits). */
    public static final int KEYWORDS = 20;

    /** Venues listed (the most frequent among the hits); sources are few and all listed. */
    public static final int VENUES = 30;

    private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private Facets() {}

    /**
     * The facets of one search from the counts of its hits; values counted 0 are left out. A paper merged with
     * records of several sources or venues counts once under each.
     */
    public static Map<String, List<FacetCount>> of(
            Map<String, Long> categories,
            Map<String, Long> keywords,
            Map<Integer, Long> years,
            Map<String, Long> sources,
            Map<String, Long> venues) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        out.put(CATEGORY, mostFrequent(categories, CATEGORIES));
        out.put(KEYWORD, mostFrequent(keywords, KEYWORDS));
        out.put(
                YEAR,
                years.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<Integer, Long>comparingByKey().reversed())
                        .map(e -> new FacetCount(Integer.toString(e.getKey()), e.getValue()))
                        .toList());
        out.put(SOURCE, mostFrequent(sources, Integer.MAX_VALUE));
        out.put(VENUE, mostFrequent(venues, VENUES));
        return out;
    }

    /**
     * The {@code limit} most frequent values, in {@link #BY_COUNT} order. The hits of a pasted title carry hundreds of
     * thousands of distinct keyword phrases and only twenty are shown: they are picked with a heap of twenty, since
     * sorting them all took a third of a search page's CPU on 76,000 papers.
     */
    static List<FacetCount> mostFrequent(Map<String, Long> counts, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // The worst value kept is on top, to be pushed out by a better one.
        PriorityQueue<Map.Entry<String, Long>> kept =
                new PriorityQueue<>(Math.min(limit, Math.max(1, counts.size())) + 1, BY_COUNT.reversed());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            if (kept.size() < limit) {
                kept.add(e);
            } else if (BY_COUNT.compare(e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>(kept);
        top.sort(BY_COUNT);
        return top.stream().map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
    }
}
