package org.dailypapers.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The page of a record from another source that no arXiv paper shares (a merged record's address leads to the arXiv
 * paper's page instead).
 *
 * @param sourceLabel "bioRxiv", "ACL Anthology", "OpenReview"
 * @param badge "Published at NAACL 2025", "ICLR 2026 Poster", or null for a plain preprint
 * @param categories the source's subject categories or keywords
 */
public record RecordView(
        PageMeta page,
        String sourceLabel,
        String id,
        String title,
        List<String> authors,
        @Nullable String venueName,
        @Nullable String badge,
        @Nullable String date,
        List<String> abstractParagraphs,
        String landingUrl,
        @Nullable String pdfUrl,
        @Nullable String doi,
        @Nullable String publishedDoi,
        @Nullable String license,
        List<String> categories,
        int version,
        String bibtex) {}
