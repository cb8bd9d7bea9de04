package org.dailypapers.web;

import java.util.List;
import org.dailypapers.summary.PaperSummary;
import org.jspecify.annotations.Nullable;

/**
 * A paper as a card in a list: what the seed's Daily Papers cards show, plus the highlighted title and snippet when
 * the card is a search hit.
 *
 * @param titleHtml the title with matches in {@code <mark>} as safe HTML from the search module, or null
 * @param snippetHtml a passage with matches in {@code <mark>} as safe HTML from the search module, or null
 * @param summary the abstract shortened for a card (plain text, escaped by the template)
 * @param firstAuthors up to three author names
 * @param dateLabel "Feb 10" within the current year, "Jul 28, 2025" otherwise
 * @param dateIso the same date as YYYY-MM-DD for the {@code <time>} element, or null when unknown
 * @param upvoted whether the signed-in reader upvoted it; cards from cached reads always say false, and
 *     {@link ReaderVotes} marks copies per request so that no reader's votes end up in a shared cache
 * @param coins the OpenURL ContextObject of a COinS span, with which Zotero saves several papers of a list at once
 * @param ai the one-sentence summary and keywords (Hugging Face's or ours), attached per request like the votes
 * @param venues the badges of the paper's records at other sources ("Published at NAACL 2025", "ICLR 2026 Poster"),
 *     attached per request like the votes
 */
public record PaperCard(
        String id,
        String title,
        @Nullable String titleHtml,
        String summary,
        @Nullable String snippetHtml,
        int authorCount,
        List<String> firstAuthors,
        String dateLabel,
        @Nullable String dateIso,
        int upvotes,
        int numComments,
        @Nullable String organizationName,
        @Nullable String organizationLabel,
        @Nullable String codeUrl,
        @Nullable String primaryCategory,
        boolean upvoted,
        String coins,
        PaperSummary ai,
        List<String> venues) {

    public String href() {
        return Paths.paper(id);
    }

    PaperCard upvotedByReader() {
        return with(true, ai, venues);
    }

    PaperCard withAi(PaperSummary summary) {
        return with(upvoted, summary, venues);
    }

    PaperCard withVenues(List<String> badges) {
        return with(upvoted, ai, List.copyOf(badges));
    }

    /** The card with what the reader's context adds to it: their upvote, the summary, the venue badges. */
    private PaperCard with(boolean upvoted, PaperSummary ai, List<String> venues) {
        return new PaperCard(
                id,
                title,
                titleHtml,
                summary,
                snippetHtml,
                authorCount,
                firstAuthors,
                dateLabel,
                dateIso,
                upvotes,
                numComments,
                organizationName,
                organizationLabel,
                codeUrl,
                primaryCategory,
                upvoted,
                coins,
                ai,
                venues);
    }

    /** "Hugging Face's summary" or "Extracted summary": whose words the reader sees. */
    public String aiSummaryLabel() {
        return ai.summaryOrigin() == PaperSummary.Origin.HUGGING_FACE
                ? "AI summary from Hugging Face"
                : "Key sentence, extracted here from the abstract";
    }

    public String aiKeywordsLabel() {
        return ai.keywordsOrigin() == PaperSummary.Origin.HUGGING_FACE
                ? "Keywords from Hugging Face"
                : "Keywords extracted here from title and abstract";
    }

    public boolean hasMoreAuthors() {
        return authorCount > firstAuthors.size();
    }
}
