package org.dailypapers.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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

    private static final Set<String> STORED_FOR_A_HIT = Set.of(PaperIndex.ID, PaperIndex.TITLE, PaperIndex.ABSTRACT);

    private Highlights() {}

    /** What a hit shows from the index: its id, its marked title and its snippet (null where there is none). */
    record Marked(String id, @Nullable String title, @Nullable String snippet) {}

    /**
     * Each document's id with its title and snippet marked for {@code highlight} (both null when it is null), in
     * the order of {@code ids}. One highlighter does both fields, so each document's stored fields (id, title
     * and abstract) are read and decompressed once.
     */
    static List<Marked> of(IndexSearcher searcher, Analyzer analyzer, @Nullable Query highlight, int[] ids)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Marked> out = new ArrayList<>(ids.length);
        if (highlight == null) {
            for (int id : ids) {
                out.add(new Marked(idOf(stored.document(id, Set.of(PaperIndex.ID))), null, null));
            }
            return out;
        }
        Map<Integer, String> idByDoc = new HashMap<>();
        UnifiedHighlighter highlighter = new OneReadHighlighter(searcher, analyzer, stored, idByDoc);
        Map<String, String[]> marked = highlighter.highlightFields(
                new String[] {PaperIndex.TITLE, PaperIndex.TEXT}, highlight, ids, new int[] {1, CANDIDATE_SENTENCES});
        String[] titles = marked.get(PaperIndex.TITLE);
        String[] snippets = marked.get(PaperIndex.TEXT);
        for (int i = 0; i < ids.length; i++) {
            String id = idByDoc.get(ids[i]);
            out.add(new Marked(
                    id != null ? id : idOf(stored.document(ids[i], Set.of(PaperIndex.ID))), titles[i], snippets[i]));
        }
        return out;
    }

    /**
     * The values the highlighter asks for, from one read of each document: the title as stored, and for the BM25
     * field the text its offsets refer to (title, separator, abstract), each cut at the highlighter's length. The
     * id read with them goes to {@code idByDoc}.
     */
    private static List<CharSequence[]> storedValues(
            StoredFields stored, String[] fields, DocIdSetIterator docs, int maxLength, Map<Integer, String> idByDoc)
            throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document d = stored.document(doc, STORED_FOR_A_HIT);
            idByDoc.put(doc, idOf(d));
            String title = nonNull(d.get(PaperIndex.TITLE));
            CharSequence[] values = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String value = PaperIndex.TEXT.equals(fields[i])
                        ? title.replace(SEPARATOR, ' ') + SEPARATOR + nonNull(d.get(PaperIndex.ABSTRACT))
                        : PaperIndex.TITLE.equals(fields[i]) ? title : nonNull(d.get(fields[i]));
                values[i] = value.length() > maxLength ? value.substring(0, maxLength) : value;
            }
            out.add(values);
        }
        return out;
    }

    private static String idOf(Document d) {
        return nonNull(d.get(PaperIndex.ID));
    }

    private static DefaultPassageFormatter html() {
        // Escaping every character outside the marks makes stored titles with HTML in them harmless.
        return new DefaultPassageFormatter(MARK, UNMARK, ELLIPSIS, true);
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    /**
     * The title whole and the abstract by sentences, each with its own formatter, from values read once per hit
     * ({@link #storedValues}).
     */
    private static final class OneReadHighlighter extends UnifiedHighlighter {

        private final StoredFields stored;
        private final Map<Integer, String> idByDoc;

        OneReadHighlighter(
                IndexSearcher searcher, Analyzer analyzer, StoredFields stored, Map<Integer, String> idByDoc) {
            // Queries name the combined field (and authors, categories, title:, abstract:); its terms are the
            // title's and the abstract's terms, analysed alike.
            super(UnifiedHighlighter.builder(searcher, analyzer).withFieldMatcher(field -> true));
            this.stored = stored;
            this.idByDoc = idByDoc;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return PaperIndex.TITLE.equals(field)
                    ? new WholeBreakIterator()
                    : BreakIterator.getSentenceInstance(Locale.ROOT);
        }

        @Override
        protected PassageFormatter getFormatter(String field) {
            return PaperIndex.TITLE.equals(field) ? html() : new AbstractSnippet();
        }

        @Override
        protected int getMaxNoHighlightPassages(String field) {
            // A title without a match is shown from the catalog; an abstract falls back to its first sentence.
            return PaperIndex.TITLE.equals(field) ? 0 : 1;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            return storedValues(stored, fields, docs, getMaxLength(), idByDoc);
        }
    }

    /** Formats the abstract's part of the joined text's passages; the title is marked in its own field. */
    static final class AbstractSnippet extends PassageFormatter {

        private final DefaultPassageFormatter html = html();

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
