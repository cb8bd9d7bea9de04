package org.dailypapers.search.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analyzer per kind of field. Prose (title, abstract) gets Lucene's English analyzer: stemming and stop words
 * measured best on SciFact (see docs/decisions/0001-hybrid-fusion.md). Names are folded but never stemmed.
 * Categories are whole, case-insensitive keywords.
 */
public final class Analyzers {

    private Analyzers() {}

    public static Analyzer perField() {
        Analyzer english = new EnglishAnalyzer();
        Analyzer names = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        Analyzer keywords = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
        return new PerFieldAnalyzerWrapper(
                english,
                Map.of(
                        PaperIndex.AUTHORS,
                        names,
                        PaperIndex.CATEGORY,
                        keywords,
                        PaperIndex.KEYWORD,
                        keywords,
                        PaperIndex.ID,
                        new KeywordAnalyzer(),
                        PaperIndex.ORGANIZATION,
                        new KeywordAnalyzer()));
    }
}
