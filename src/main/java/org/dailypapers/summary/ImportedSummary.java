package org.dailypapers.summary;

import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.jspecify.annotations.Nullable;

/** Hugging Face's {@code ai_summary} and {@code ai_keywords} of a paper, as an import read them. */
public record ImportedSummary(ArxivId id, @Nullable String summary, List<String> keywords) {

    public ImportedSummary {
        id = id.withoutVersion();
        keywords = keywords.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .distinct()
                .toList();
        summary = summary == null || summary.isBlank() ? null : summary.strip();
    }

    public boolean isEmpty() {
        return summary == null && keywords.isEmpty();
    }
}
