package org.dailypapers.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The lemmatiser of keyword matching: lower-case, hyphens and slashes as spaces, and Lucene's
 * {@link EnglishMinimalStemFilter} per word (plural to singular: "models" and "model", "LLMs" and "LLM" match;
 * "learning" and "learn" do not). The same key merges a paper's candidates and matches ours against Hugging Face's.
 */
final class Lemmas {

    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer word = new KeywordTokenizer();
            return new TokenStreamComponents(word, new EnglishMinimalStemFilter(word));
        }
    };

    /** Words of papers are a bounded vocabulary; the cache is emptied should it grow past this. */
    private static final int MAX_CACHED = 200_000;

    private static final ConcurrentHashMap<String, String> STEMS = new ConcurrentHashMap<>();

    private Lemmas() {}

    static String key(String phrase) {
        return String.join(" ", words(phrase));
    }

    /** The lemmatised words of a phrase, in order. */
    static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (TextTokens.Word w : TextTokens.words(phrase)) {
            for (String part : w.lower().split("[-/]")) {
                if (!part.isEmpty()) {
                    out.add(stem(part));
                }
            }
        }
        return out;
    }

    static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String known = STEMS.get(lower);
        if (known != null) {
            return known;
        }
        String stemmed = analyze(lower);
        if (STEMS.size() > MAX_CACHED) {
            STEMS.clear();
        }
        STEMS.put(lower, stemmed);
        return stemmed;
    }

    private static String analyze(String lower) {
        try (TokenStream ts = STEMMER.tokenStream("", lower)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : lower;
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
    }
}
