package org.dailypapers.summary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a paper shows as its one-sentence summary and keywords: Hugging Face's where an import brought them, else
 * ours (computed here), each field on its own.
 *
 * @param summary one sentence, or null while none is known
 * @param keywords key phrases, best first; empty while none are known
 */
public record PaperSummary(
        @Nullable String summary, Origin summaryOrigin, List<String> keywords, Origin keywordsOrigin) {

    /** Who wrote a value. */
    public enum Origin {
        /** Imported from Hugging Face's {@code ai_summary} / {@code ai_keywords}. */
        HUGGING_FACE,
        /** Extracted here from title and abstract with the bundled embedder. */
        COMPUTED,
        /** Nothing yet. */
        NONE
    }

    public static final PaperSummary NONE = new PaperSummary(null, Origin.NONE, List.of(), Origin.NONE);

    public PaperSummary {
        keywords = List.copyOf(keywords);
    }

    public boolean isEmpty() {
        return summary == null && keywords.isEmpty();
    }
}
