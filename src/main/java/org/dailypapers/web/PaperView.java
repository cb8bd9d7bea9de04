package org.dailypapers.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paper page.
 *
 * @param card the paper as its card shows it (id, title, upvotes, organisation, code link)
 * @param abstractText the whole abstract
 * @param authors every author, in the paper's order
 * @param dayHref the daily feed day it was on, or null when it was never on the feed
 * @param submittedBy who submitted it to the feed, or null
 * @param links code, project and Hugging Face links
 * @param similar similar papers, empty when the search module is absent or found none
 * @param similarAvailable whether similar papers could be looked for at all
 * @param similarFailed whether looking for them failed (the page says so instead of "none found")
 */
public record PaperView(
        PageMeta page,
        PaperCard card,
        String abstractText,
        List<Link> authors,
        List<Link> categories,
        @Nullable String dayLabel,
        @Nullable String dayHref,
        @Nullable String publishedLabel,
        @Nullable String submittedBy,
        String arxivUrl,
        String pdfUrl,
        List<Link> links,
        @Nullable String comments,
        @Nullable String journalRef,
        @Nullable String doi,
        @Nullable String license,
        int version,
        @Nullable Integer githubStars,
        List<PaperCard> similar,
        boolean similarAvailable,
        boolean similarFailed) {}
