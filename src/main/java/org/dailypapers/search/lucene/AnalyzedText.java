package org.dailypapers.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once and replayed into several fields. The title is indexed twice — on its own, with offsets for
 * the highlighter, and in the BM25 field — and the English analysis (tokenizer, possessives, stop words, Porter
 * stemmer) was the largest part of indexing's CPU. Replaying the recorded tokens gives every field exactly the terms,
 * positions and offsets a second analysis would give.
 */
final class AnalyzedText {

    private char[] chars = new char[256];
    private int charCount;
    private int[] ends = new int[64];
    private int[] increments = new int[64];
    private int[] startOffsets = new int[64];
    private int[] endOffsets = new int[64];
    private int tokens;
    private int finalIncrement;
    private int finalOffset;

    private AnalyzedText() {}

    static AnalyzedText of(Analyzer analyzer, String field, String text) {
        AnalyzedText recorded = new AnalyzedText();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                recorded.add(term, increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
            recorded.finalIncrement = increment.getPositionIncrement();
            recorded.finalOffset = offset.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a text in memory", e);
        }
        return recorded;
    }

    private void add(CharTermAttribute term, int increment, int start, int end) {
        if (tokens == ends.length) {
            int grown = tokens * 2;
            ends = Arrays.copyOf(ends, grown);
            increments = Arrays.copyOf(increments, grown);
            startOffsets = Arrays.copyOf(startOffsets, grown);
            endOffsets = Arrays.copyOf(endOffsets, grown);
        }
        if (charCount + term.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + term.length()));
        }
        System.arraycopy(term.buffer(), 0, chars, charCount, term.length());
        charCount += term.length();
        ends[tokens] = charCount;
        increments[tokens] = increment;
        startOffsets[tokens] = start;
        endOffsets[tokens] = end;
        tokens++;
    }

    /** A fresh stream over the recorded tokens; each field being indexed needs its own. */
    TokenStream replay() {
        return new Replay(0, Integer.MAX_VALUE);
    }

    /**
     * The recorded tokens as one value of a field of several: the first moved {@code gap} positions further, and
     * those at position {@code limit} of this text or beyond left out. Offsets stay the text's own.
     */
    TokenStream replay(int gap, int limit) {
        return new Replay(gap, limit);
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final int gap;
        private final int limit;
        private int next;
        private long position = -1;

        Replay(int gap, int limit) {
            this.gap = gap;
            this.limit = limit;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens) {
                return false;
            }
            position += increments[next];
            if (position >= limit) {
                next = tokens;
                return false;
            }
            clearAttributes();
            int start = next == 0 ? 0 : ends[next - 1];
            term.copyBuffer(chars, start, ends[next] - start);
            increment.setPositionIncrement(next == 0 ? increments[next] + gap : increments[next]);
            offset.setOffset(startOffsets[next], endOffsets[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(finalIncrement);
            offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            position = -1;
        }
    }
}
