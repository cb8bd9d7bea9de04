package org.dailypapers.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of automatic curation. A paper matches when every criterion the rule names holds; within a criterion
 * any listed value is enough. A rule must name at least one criterion.
 *
 * @param name shown in logs and on the admin page
 * @param categories arXiv categories ({@code cs.CL}) or whole archives ({@code cs})
 * @param keywords words or phrases looked for in title and abstract, case-insensitive, as whole words
 * @param authors author names, compared without case, accents or extra spaces
 * @param organizations names looked for in affiliations and in the comments field ("Work done at ...")
 * @param search a saved search in the site's query syntax, answered by the search module
 * @param similarToUpvoted propose papers the search module finds similar to this many of the most upvoted papers
 *     of the feed's last 30 days (0: not a criterion)
 */
public record CurationRule(
        String name,
        List<String> categories,
        List<String> keywords,
        List<String> authors,
        List<String> organizations,
        @Nullable String search,
        int similarToUpvoted) {

    public CurationRule {
        search = search == null || search.isBlank() ? null : search;
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        authors = List.copyOf(authors);
        organizations = List.copyOf(organizations);
        if (categories.isEmpty()
                && keywords.isEmpty()
                && authors.isEmpty()
                && organizations.isEmpty()
                && (search == null || search.isBlank())
                && similarToUpvoted == 0) {
            throw new IllegalArgumentException("rule '" + name
                    + "' names no criterion (categories, keywords, authors, organizations, search,"
                    + " similar-to-upvoted)");
        }
        if (similarToUpvoted < 0) {
            throw new IllegalArgumentException("similar-to-upvoted must not be negative: " + similarToUpvoted);
        }
    }

    /** Whether the rule needs the search index, so it can only be answered once the harvested papers are stored. */
    public boolean needsSearch() {
        return search != null || similarToUpvoted > 0;
    }
}
