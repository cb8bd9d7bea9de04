package org.dailypapers.paper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identifier a source gives one record of a paper: an arXiv id, a DOI (bioRxiv and medRxiv, under {@code 10.1101/}
 * and, from 2026 on, {@code 10.64898/}), an ACL Anthology id ({@code 2024.acl-long.1}) or an OpenReview forum id. The
 * value is canonical: DOIs lower-case without resolver prefix, arXiv ids without version.
 *
 * @param scheme the kind of identifier, which decides the paper's path
 * @param value the identifier itself
 */
public record SourceId(Scheme scheme, String value) implements Comparable<SourceId> {

    /** Kinds of identifier, each with its own path under {@code /papers/}. */
    public enum Scheme {
        ARXIV("arxiv"),
        DOI("doi"),
        ACL("acl"),
        OPENREVIEW("openreview");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** Any registrant and suffix, as Crossref describes DOIs; the suffix may hold slashes. */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    private static final Pattern DOI_PREFIX = Pattern.compile(
            "^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*|https?://(?:www\\.)?(?:bio|med)rxiv\\.org/content/)",
            Pattern.CASE_INSENSITIVE);

    /** {@code YYYY.collection-volume.number}, the form every Anthology id since 2020 takes, and the old {@code P19-1001}. */
    private static final Pattern ACL =
            Pattern.compile("(\\d{4}\\.[a-z0-9]+(?:-[a-z0-9]+)?\\.\\d+|[A-Z]\\d{2}-\\d{4})", Pattern.CASE_INSENSITIVE);

    private static final Pattern ACL_PREFIX =
            Pattern.compile("^(?:https?://(?:www\\.)?aclanthology\\.org/|acl:)", Pattern.CASE_INSENSITIVE);

    /** OpenReview's note ids: ten or more characters of letters, digits, dash and underscore. */
    private static final Pattern OPENREVIEW = Pattern.compile("[A-Za-z0-9_-]{8,20}");

    private static final Pattern OPENREVIEW_URL = Pattern.compile(
            "^https?://(?:www\\.)?openreview\\.net/(?:forum|pdf)\\?(?:.*&)?id=([^&#]+).*$", Pattern.CASE_INSENSITIVE);

    /** A bioRxiv/medRxiv version suffix ({@code v2}) that a content URL carries. */
    private static final Pattern RXIV_VERSION = Pattern.compile("^(10\\.(?:1101|64898)/.+?)(?:v\\d+)?(?:\\.full.*)?$");

    public SourceId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty " + scheme.prefix() + " identifier");
        }
    }

    /**
     * Reads any of the identifiers from plain text, a prefixed form ({@code doi:}, {@code acl:}, {@code openreview:},
     * {@code arXiv:}) or a landing-page URL. A bare word that could be an OpenReview id is taken as one only with the
     * {@code openreview:} prefix or URL: too many words look like one.
     */
    public static Optional<SourceId> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        Matcher or = OPENREVIEW_URL.matcher(t);
        if (or.matches()) {
            return openReview(URLDecoder.decode(or.group(1), StandardCharsets.UTF_8));
        }
        if (t.regionMatches(true, 0, "openreview:", 0, 11)) {
            return openReview(t.substring(11));
        }
        String doi = DOI_PREFIX.matcher(t).replaceFirst("");
        if (DOI.matcher(doi).matches()) {
            return doi(t);
        }
        String acl = ACL_PREFIX.matcher(t).replaceFirst("");
        if (acl.endsWith(".pdf")) {
            acl = acl.substring(0, acl.length() - 4);
        }
        if (acl.endsWith("/")) {
            acl = acl.substring(0, acl.length() - 1);
        }
        if (ACL.matcher(acl).matches()) {
            return Optional.of(new SourceId(Scheme.ACL, acl));
        }
        return ArxivId.parse(t).map(SourceId::of);
    }

    /** Reads an identifier of the named scheme only, as a path variable under {@code /papers/doi/} does. */
    public static Optional<SourceId> parse(Scheme scheme, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return switch (scheme) {
            case OPENREVIEW -> openReview(t.regionMatches(true, 0, "openreview:", 0, 11) ? t.substring(11) : t);
            default -> parse(t).filter(id -> id.scheme() == scheme);
        };
    }

    public static SourceId of(ArxivId id) {
        return new SourceId(Scheme.ARXIV, id.withoutVersion().id());
    }

    /** A DOI in its canonical form; bioRxiv's content URLs also carry the version, which is not part of the DOI. */
    public static Optional<SourceId> doi(String text) {
        String d = DOI_PREFIX.matcher(text.trim()).replaceFirst("").toLowerCase(Locale.ROOT);
        if (!DOI.matcher(d).matches()) {
            return Optional.empty();
        }
        Matcher rxiv = RXIV_VERSION.matcher(d);
        if (rxiv.matches() && text.toLowerCase(Locale.ROOT).contains("rxiv.org/")) {
            d = rxiv.group(1);
        }
        return Optional.of(new SourceId(Scheme.DOI, d));
    }

    private static Optional<SourceId> openReview(String id) {
        String t = id.trim();
        return OPENREVIEW.matcher(t).matches() ? Optional.of(new SourceId(Scheme.OPENREVIEW, t)) : Optional.empty();
    }

    public static SourceId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a paper identifier: " + text));
    }

    public Optional<ArxivId> arxivId() {
        return scheme == Scheme.ARXIV ? ArxivId.parse(value) : Optional.empty();
    }

    /** One string that names the record everywhere it is stored: {@code doi:10.1101/2024.01.02.577000}. */
    public String key() {
        return scheme.prefix() + ":" + value;
    }

    /** Reads {@link #key()} back. */
    public static Optional<SourceId> fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = key.substring(0, colon);
        for (Scheme s : Scheme.values()) {
            if (s.prefix().equals(prefix)) {
                return Optional.of(new SourceId(s, key.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    /** The paper's page on this site; arXiv papers keep the path they always had. */
    public String path() {
        return switch (scheme) {
            case ARXIV -> "/papers/" + value;
            case DOI -> "/papers/doi/" + value;
            case ACL -> "/papers/acl/" + value;
            case OPENREVIEW -> "/papers/openreview/" + value;
        };
    }

    /** The record at its source. */
    public String landingUrl() {
        return switch (scheme) {
            case ARXIV -> "https://arxiv.org/abs/" + value;
            case DOI -> "https://doi.org/" + value;
            case ACL -> "https://aclanthology.org/" + value;
            case OPENREVIEW -> "https://openreview.net/forum?id=" + value;
        };
    }

    @Override
    public int compareTo(SourceId other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
