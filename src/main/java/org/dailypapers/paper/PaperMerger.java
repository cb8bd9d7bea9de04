package org.dailypapers.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Combines what the catalog holds with a newly read record so that imports are idempotent and sources complement
 * each other: the newer arXiv version wins the metadata, empty fields are filled from the other side, links are
 * united, and upvote counts never go back (a re-imported older snapshot must not undo votes).
 */
final class PaperMerger {

    private PaperMerger() {}

    static Paper merge(@Nullable Paper existing, Paper incoming) {
        Paper withLinks = withExtractedLinks(incoming);
        if (existing == null) {
            return withLinks;
        }
        boolean incomingIsOlder = withLinks.version() > 0 && withLinks.version() < existing.version();
        Paper base = incomingIsOlder ? existing : withLinks;
        Paper other = incomingIsOlder ? withLinks : existing;
        return new Paper(
                base.id(),
                Math.max(base.version(), other.version()),
                nonBlank(base.title(), other.title()),
                nonBlank(base.abstractText(), other.abstractText()),
                base.authors().isEmpty() ? other.authors() : base.authors(),
                base.categories().isEmpty() ? other.categories() : base.categories(),
                // first submission is a fact of the paper; keep the earliest seen
                earliest(base.publishedAt(), other.publishedAt()),
                latest(base.updatedAt(), other.updatedAt()),
                firstNonNull(base.comments(), other.comments()),
                firstNonNull(base.journalRef(), other.journalRef()),
                firstNonNull(base.doi(), other.doi()),
                firstNonNull(base.license(), other.license()),
                unite(existing.links(), withLinks.links()),
                Math.max(existing.upvotes(), withLinks.upvotes()),
                firstNonNull(incoming.githubStars(), existing.githubStars()));
    }

    static DailyEntry merge(@Nullable DailyEntry existing, DailyEntry incoming) {
        if (existing == null) {
            return incoming;
        }
        return new DailyEntry(
                incoming.paperId(),
                incoming.day(),
                firstNonNull(incoming.submittedAt(), existing.submittedAt()),
                firstNonNull(incoming.submittedBy(), existing.submittedBy()),
                Math.max(incoming.numComments(), existing.numComments()),
                firstNonNull(incoming.organization(), existing.organization()));
    }

    private static Paper withExtractedLinks(Paper p) {
        List<PaperLink> extracted = LinkExtractor.extract(p.abstractText(), p.comments());
        if (extracted.isEmpty()) {
            return p;
        }
        return new Paper(
                p.id(),
                p.version(),
                p.title(),
                p.abstractText(),
                p.authors(),
                p.categories(),
                p.publishedAt(),
                p.updatedAt(),
                p.comments(),
                p.journalRef(),
                p.doi(),
                p.license(),
                unite(p.links(), extracted),
                p.upvotes(),
                p.githubStars());
    }

    /** Links of both sides, first occurrence first; explicit links (HF's githubRepo) keep their place. */
    static List<PaperLink> unite(List<PaperLink> first, List<PaperLink> second) {
        Map<String, PaperLink> byUrl = new LinkedHashMap<>();
        for (PaperLink l : first) {
            byUrl.putIfAbsent(key(l.url()), l);
        }
        for (PaperLink l : second) {
            byUrl.putIfAbsent(key(l.url()), l);
        }
        return new ArrayList<>(byUrl.values());
    }

    private static String key(String url) {
        String k = url.toLowerCase(Locale.ROOT).replaceFirst("^https?://(www\\.)?", "");
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }

    private static String nonBlank(String a, String b) {
        return a.isBlank() ? b : a;
    }

    private static <T> @Nullable T firstNonNull(@Nullable T a, @Nullable T b) {
        return a != null ? a : b;
    }

    private static java.time.@Nullable Instant earliest(java.time.@Nullable Instant a, java.time.@Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static java.time.@Nullable Instant latest(java.time.@Nullable Instant a, java.time.@Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
