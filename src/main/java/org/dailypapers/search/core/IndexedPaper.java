package org.dailypapers.search.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperSources;
import org.dailypapers.paper.Source;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds of one paper (or of one document of an evaluation corpus).
 *
 * @param vector the unit-length embedding of {@link #embeddingText()}, or null while it is not computed yet
 * @param sources the slugs of the sources the paper is found at ({@code arxiv}, {@code acl}, ...); empty for documents
 *     of an evaluation corpus
 * @param venues the venue keys of its records
 */
public record IndexedPaper(
        String id,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        @Nullable LocalDate published,
        int upvotes,
        boolean hasCode,
        @Nullable String organization,
        float @Nullable [] vector,
        List<String> sources,
        List<String> venues) {

    public IndexedPaper {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        sources = List.copyOf(sources);
        venues = List.copyOf(venues);
    }

    /** A document without sources and venues (an evaluation corpus, a test). */
    public IndexedPaper(
            String id,
            String title,
            String abstractText,
            List<String> authors,
            List<String> categories,
            @Nullable LocalDate published,
            int upvotes,
            boolean hasCode,
            @Nullable String organization,
            float @Nullable [] vector) {
        this(
                id,
                title,
                abstractText,
                authors,
                categories,
                published,
                upvotes,
                hasCode,
                organization,
                vector,
                List.of(),
                List.of());
    }

    /** A paper of the catalog with where it is found, as both indexers write it. */
    public static IndexedPaper of(Paper p, @Nullable DailyEntry e, PaperSources where, float @Nullable [] vector) {
        IndexedPaper d = of(p, e, vector);
        return new IndexedPaper(
                d.id,
                d.title,
                d.abstractText,
                d.authors,
                d.categories,
                d.published,
                d.upvotes,
                d.hasCode,
                d.organization,
                d.vector,
                where.sources().stream().map(Source::slug).toList(),
                List.copyOf(where.venues()));
    }

    public static IndexedPaper of(Paper p, @Nullable DailyEntry e, float @Nullable [] vector) {
        LocalDate published = p.publishedAt() != null
                ? LocalDate.ofInstant(p.publishedAt(), ZoneOffset.UTC)
                : (e != null ? e.day() : null);
        return new IndexedPaper(
                p.id().id(),
                p.title(),
                p.abstractText(),
                p.authors(),
                p.categories(),
                published,
                p.upvotes(),
                p.hasCode(),
                e == null || e.organization() == null ? null : e.organization().name(),
                vector);
    }

    public IndexedPaper withVector(float[] v) {
        return new IndexedPaper(
                id,
                title,
                abstractText,
                authors,
                categories,
                published,
                upvotes,
                hasCode,
                organization,
                v,
                sources,
                venues);
    }

    public String embeddingText() {
        return BgeEmbedder.documentText(title, abstractText);
    }

    /** Names the text a stored vector was computed from, so that an edited abstract is embedded again. */
    public String textHash() {
        return textHash(embeddingText());
    }

    public static String textHash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(BgeEmbedder.MODEL_ID.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
