package org.dailypapers.summary;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword baseline: the same candidate phrases as ours, ranked by term frequency times inverse document
 * frequency over a corpus of papers, no embedder and no diversification.
 */
final class TfidfKeywords {

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;

    /** @param corpus title and abstract of each paper */
    TfidfKeywords(List<String[]> corpus) {
        for (String[] doc : corpus) {
            Set<String> keys = new HashSet<>();
            for (Candidates.Candidate c : Candidates.of(doc[0], doc[1])) {
                keys.add(c.key());
            }
            keys.forEach(k -> documentFrequency.merge(k, 1, Integer::sum));
        }
        documents = corpus.size();
    }

    List<String> top(String title, String abstractText, int k) {
        return Candidates.of(title, abstractText).stream()
                .sorted(Comparator.comparingDouble(this::score).reversed())
                .limit(k)
                .map(Candidates.Candidate::text)
                .toList();
    }

    private double score(Candidates.Candidate c) {
        int df = documentFrequency.getOrDefault(c.key(), 0);
        return c.count() * Math.log((1.0 + documents) / (1.0 + df));
    }
}
