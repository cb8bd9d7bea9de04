package org.dailypapers.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paper page.
 *
 * @param card the paper as its card shows it (id, title, upvotes, organisation, code link)
 * @param abstractText the whole abstract
 * @param abstractParagraphs the abstract reflowed: arXiv's hard line breaks joined, real paragraph breaks kept
 * @param authors every author, in the paper's order
 * @param dayHref the daily feed day it was on, or null when it was never on the feed
 * @param submittedBy who submitted it to the feed, or null
 * @param links code, project and Hugging Face links
 * @param similar similar papers, empty when the search module is absent or found none
 * @param similarAvailable whether similar papers could be looked for at all
 * @param similarFailed whether looking for them failed (the page says so instead of "none found")
 * @param bibtex the paper's BibTeX entry, shown in the Cite box to copy
 * @param commentsHere comments and replies in the thread on this instance
 * @param commentsOnHuggingFace comments the import counted on Hugging Face, which are not in the thread here
 * @param records the paper's records at other sources (venue, decision, link), the same work merged into this page
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
        boolean similarFailed,
        List<String> abstractParagraphs,
        String bibtex,
        String citationKey,
        int commentsHere,
        int commentsOnHuggingFace,
        String huggingFaceUrl,
        List<RecordLink> records) {

    /**
     * One record of the paper at another source.
     *
     * @param badge "Published at NAACL 2025", "ICLR 2026 Poster", or the source's name for a plain preprint
     * @param href the record at its source
     * @param pdf the record's PDF, or null
     */
    public record RecordLink(String badge, String source, String id, String key, String href, @Nullable String pdf) {}
}
