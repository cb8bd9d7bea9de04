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
import org.dailypapers.search.embedding.BgeEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds of one paper (or of one document of an evaluation corpus).
 *
 * @param vector the unit-length embedding of {@link #embeddingText()}, or null while it is not computed yet
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
        float @Nullable [] vector) {

    public IndexedPaper {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
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
                id, title, abstractText, authors, categories, published, upvotes, hasCode, organization, v);
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
