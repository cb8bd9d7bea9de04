package org.dailypapers.search.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a paper's key phrases (see {@code PaperKeywords}) become in either index: lower-cased whole phrases for
 * {@code keyword:}, so that "Large Language Models (LLMs)" is found as a whole, by its expansion and by its acronym,
 * and the phrases as written for the keyword facet.
 *
 * @param terms the searchable terms, each once
 * @param shown the facet values, each once
 */
public record KeywordTerms(List<String> terms, List<String> shown) {

    /** Longer phrases are no keywords but extraction noise. */
    private static final int MAX_LENGTH = 200;

    public KeywordTerms {
        terms = List.copyOf(terms);
        shown = List.copyOf(shown);
    }

    public static KeywordTerms of(List<String> phrases) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String k = phrase.strip().replaceAll("\\s+", " ");
            if (k.isEmpty() || k.length() > MAX_LENGTH) {
                continue;
            }
            shown.add(k);
            String lower = k.toLowerCase(Locale.ROOT);
            terms.add(lower);
            int open = lower.lastIndexOf(" (");
            if (open > 0 && lower.endsWith(")")) {
                terms.add(lower.substring(0, open));
                terms.add(lower.substring(open + 2, lower.length() - 1));
            }
        }
        return new KeywordTerms(List.copyOf(terms), List.copyOf(shown));
    }
}
