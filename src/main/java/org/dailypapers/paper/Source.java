package org.dailypapers.paper;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a record of a paper came from. The name is what URLs, the API ({@code source=}) and the CLI ({@code --source})
 * use; the scheme says which kind of identifier the source gives its records.
 */
public enum Source {
    ARXIV("arxiv", "arXiv", SourceId.Scheme.ARXIV),
    BIORXIV("biorxiv", "bioRxiv", SourceId.Scheme.DOI),
    MEDRXIV("medrxiv", "medRxiv", SourceId.Scheme.DOI),
    ACL("acl", "ACL Anthology", SourceId.Scheme.ACL),
    OPENREVIEW("openreview", "OpenReview", SourceId.Scheme.OPENREVIEW);

    private final String slug;
    private final String label;
    private final SourceId.Scheme scheme;

    Source(String slug, String label, SourceId.Scheme scheme) {
        this.slug = slug;
        this.label = label;
        this.scheme = scheme;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public SourceId.Scheme scheme() {
        return scheme;
    }

    /** Any case: the bioRxiv API itself wrote {@code medRxiv} in March 2026 and {@code medrxiv} in May. */
    public static Optional<Source> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.slug.equals(t)).findFirst();
    }

    public static String names() {
        return String.join("|", Arrays.stream(values()).map(Source::slug).toList());
    }
}
