package org.dailypapers.paper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.WebLinks;
import org.jspecify.annotations.Nullable;

/**
 * A paper in the catalog, at its newest known version.
 *
 * @param id canonical identifier (no version)
 * @param version newest version seen, 0 when no source named one
 * @param authors author names in the paper's order
 * @param categories arXiv categories, primary first
 * @param publishedAt first submission to arXiv
 * @param updatedAt submission of the newest version
 * @param links code repositories and project pages (abs and pdf links derive from the id)
 * @param upvotes community upvotes: the imported count plus votes cast on this instance
 */
public record Paper(
        ArxivId id,
        int version,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        @Nullable Instant publishedAt,
        @Nullable Instant updatedAt,
        @Nullable String comments,
        @Nullable String journalRef,
        @Nullable String doi,
        @Nullable String license,
        List<PaperLink> links,
        int upvotes,
        @Nullable Integer githubStars) {

    /**
     * Every source passes through here (file imports, harvests, the arXiv API, rows read back), so text is cleaned of
     * XML-illegal characters and links that are not http(s) are dropped here once, for every output.
     */
    public Paper {
        id = id.withoutVersion();
        title = SafeText.clean(title);
        abstractText = SafeText.clean(abstractText);
        authors = authors.stream().map(SafeText::clean).toList();
        categories = arxivCategories(categories);
        comments = SafeText.cleanNullable(comments);
        journalRef = SafeText.cleanNullable(journalRef);
        doi = SafeText.cleanNullable(doi);
        license = SafeText.cleanNullable(license);
        links = links.stream().filter(l -> WebLinks.isWebLink(l.url())).toList();
    }

    private static final java.util.regex.Pattern CATEGORY =
            java.util.regex.Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

    /**
     * Keeps arXiv categories only: listings mix in MSC and ACM classes ("76T10, 68T07", "I.2.10"), which are not
     * categories and would not survive the space-separated storage.
     */
    private static List<String> arxivCategories(List<String> raw) {
        if (raw.stream().allMatch(c -> CATEGORY.matcher(c).matches())) {
            return raw.stream().distinct().toList();
        }
        return raw.stream()
                .flatMap(c -> java.util.Arrays.stream(c.split("[\\s,;]+")))
                .filter(c -> CATEGORY.matcher(c).matches())
                .distinct()
                .toList();
    }

    public Optional<String> primaryCategory() {
        return categories.isEmpty() ? Optional.empty() : Optional.of(categories.getFirst());
    }

    public String absUrl() {
        return id.absUrl();
    }

    public String pdfUrl() {
        return id.pdfUrl();
    }

    public Optional<String> githubRepo() {
        return firstLink(PaperLink.Kind.CODE);
    }

    public Optional<String> projectPage() {
        return firstLink(PaperLink.Kind.PROJECT);
    }

    public boolean hasCode() {
        return links.stream().anyMatch(l -> l.kind() == PaperLink.Kind.CODE);
    }

    private Optional<String> firstLink(PaperLink.Kind kind) {
        return links.stream().filter(l -> l.kind() == kind).map(PaperLink::url).findFirst();
    }
}
