package org.dailypapers.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jspecify.annotations.Nullable;

/**
 * The marked title and the abstract snippet of each hit on a search page.
 *
 * <p>The abstract is inverted once, in the BM25 field (index layout 4), whose offsets the highlighter reads: its
 * values are the title, then the abstract, so the abstract's offsets begin one character (the offset gap) after the
 * title's end. The highlighter is given the same text, title and abstract joined by a paragraph separator, and the
 * snippet keeps the best sentences after it.
 */
final class Highlights {

    /** Sentences of the abstract a snippet shows, the best-scoring ones, in reading order. */
    static final int ABSTRACT_SENTENCES = 2;

    /**
     * Sentences the highlighter may pick from the joined text; the title's are dropped afterwards, so a title of a
     * few sentences must leave room for the abstract's.
     */
    private static final int CANDIDATE_SENTENCES = ABSTRACT_SENTENCES + 6;

    /** A sentence break (a hard one for the sentence iterator), one character like the index's offset gap. */
    private static final char SEPARATOR = '\u2029';

    private static final String MARK = "<mark>";
    private static final String UNMARK = "</mark>";
    private static final String ELLIPSIS = " … ";

    private Highlights() {}

    /** The whole title of each document, its matches marked; null where the highlighter has nothing. */
    static String[] titles(IndexSearcher searcher, Analyzer analyzer, Query highlight, int[] ids) throws IOException {
        return configured(UnifiedHighlighter.builder(searcher, analyzer), new WholeBreakIterator(), 0)
                .build()
                .highlight(PaperIndex.TITLE, highlight, topDocs(ids), 1);
    }

    /**
     * The best {@link #ABSTRACT_SENTENCES} sentences of each abstract with its matches marked, or its first sentence
     * where nothing in it matches; null for an empty abstract.
     */
    static String[] snippets(IndexSearcher searcher, Analyzer analyzer, Query highlight, int[] ids) throws IOException {
        UnifiedHighlighter.Builder builder = configured(
                        UnifiedHighlighter.builder(searcher, analyzer),
                        BreakIterator.getSentenceInstance(Locale.ROOT),
                        1)
                .withFormatter(new AbstractSnippet());
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(
                    String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
                return titleAndAbstract(searcher.storedFields(), fields, docs, getMaxLength());
            }
        };
        return highlighter.highlight(PaperIndex.TEXT, highlight, topDocs(ids), CANDIDATE_SENTENCES);
    }

    private static UnifiedHighlighter.Builder configured(
            UnifiedHighlighter.Builder builder, BreakIterator breaks, int noMatchPassages) {
        return builder
                // Queries name the combined field (and authors, categories, title:, abstract:); its terms are the
                // title's and the abstract's terms, analysed alike.
                .withFieldMatcher(field -> true)
                .withBreakIterator(() -> breaks)
                .withMaxNoHighlightPassages(noMatchPassages)
                // Escaping every character outside the marks makes stored titles with HTML in them harmless.
                .withFormatter(new DefaultPassageFormatter(MARK, UNMARK, ELLIPSIS, true));
    }

    /** The text the BM25 field's offsets refer to: title, separator, abstract (cut at the highlighter's length). */
    private static List<CharSequence[]> titleAndAbstract(
            StoredFields stored, String[] fields, DocIdSetIterator docs, int maxLength) throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document d = stored.document(doc, Set.of(PaperIndex.TITLE, PaperIndex.ABSTRACT));
            CharSequence[] values = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                if (PaperIndex.TEXT.equals(fields[i])) {
                    String title = nonNull(d.get(PaperIndex.TITLE)).replace(SEPARATOR, ' ');
                    String joined = title + SEPARATOR + nonNull(d.get(PaperIndex.ABSTRACT));
                    values[i] = joined.length() > maxLength ? joined.substring(0, maxLength) : joined;
                } else {
                    values[i] = d.get(fields[i]);
                }
            }
            out.add(values);
        }
        return out;
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** The highlighter's API takes TopDocs and answers in their order. */
    private static TopDocs topDocs(int[] ids) {
        ScoreDoc[] sds = new ScoreDoc[ids.length];
        for (int i = 0; i < ids.length; i++) {
            sds[i] = new ScoreDoc(ids[i], 1f);
        }
        return new TopDocs(new TotalHits(ids.length, TotalHits.Relation.EQUAL_TO), sds);
    }

    /** Formats the abstract's part of the joined text's passages; the title is shown by {@link #titles}. */
    static final class AbstractSnippet extends PassageFormatter {

        private final DefaultPassageFormatter html = new DefaultPassageFormatter(MARK, UNMARK, ELLIPSIS, true);

        @Override
        public @Nullable Object format(Passage[] passages, String content) {
            int start = content.indexOf(SEPARATOR) + 1;
            String abstractText = content.substring(start);
            if (abstractText.isBlank()) {
                return null;
            }
            List<Passage> kept = new ArrayList<>();
            for (Passage p : passages) {
                Passage shifted = shifted(p, start);
                if (shifted != null && shifted.getNumMatches() > 0) {
                    kept.add(shifted);
                }
            }
            if (kept.isEmpty()) {
                kept.add(firstSentence(abstractText));
            } else {
                kept.sort(Comparator.comparingDouble(Passage::getScore).reversed());
                kept = new ArrayList<>(kept.subList(0, Math.min(ABSTRACT_SENTENCES, kept.size())));
                kept.sort(Comparator.comparingInt(Passage::getStartOffset));
            }
            return html.format(kept.toArray(Passage[]::new), abstractText);
        }

        /** The passage moved {@code by} characters back; null where it lies before that (in the title). */
        private static @Nullable Passage shifted(Passage p, int by) {
            if (p.getEndOffset() <= by) {
                return null;
            }
            Passage out = new Passage();
            out.setStartOffset(Math.max(p.getStartOffset(), by) - by);
            out.setEndOffset(p.getEndOffset() - by);
            out.setScore(p.getScore());
            for (int m = 0; m < p.getNumMatches(); m++) {
                if (p.getMatchStarts()[m] >= by) {
                    out.addMatch(
                            p.getMatchStarts()[m] - by,
                            p.getMatchEnds()[m] - by,
                            p.getMatchTerms()[m],
                            p.getMatchTermFreqsInDoc()[m]);
                }
            }
            return out;
        }

        private static Passage firstSentence(String text) {
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(text);
            sentences.first();
            int end = sentences.next();
            Passage p = new Passage();
            p.setStartOffset(0);
            p.setEndOffset(end == BreakIterator.DONE ? text.length() : end);
            return p;
        }
    }
}
