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
 * @param sources other sources ({@code acl}, {@code openreview}, {@code biorxiv}): the rule proposes an arXiv paper
 *     when a harvest of that source merges a record into it
 * @param venues venue keys ({@code naacl}, {@code iclr}) of such a record
 * @param decisions decisions of such a record ({@code oral}, {@code poster}, {@code published})
 */
public record CurationRule(
        String name,
        List<String> categories,
        List<String> keywords,
        List<String> authors,
        List<String> organizations,
        @Nullable String search,
        int similarToUpvoted,
        List<String> sources,
        List<String> venues,
        List<String> decisions) {

    public CurationRule(
            String name,
            List<String> categories,
            List<String> keywords,
            List<String> authors,
            List<String> organizations,
            @Nullable String search,
            int similarToUpvoted) {
        this(
                name,
                categories,
                keywords,
                authors,
                organizations,
                search,
                similarToUpvoted,
                List.of(),
                List.of(),
                List.of());
    }

    public CurationRule {
        search = search == null || search.isBlank() ? null : search;
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        authors = List.copyOf(authors);
        organizations = List.copyOf(organizations);
        sources = sources.stream()
                .map(x -> x.trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
        venues = venues.stream()
                .map(x -> x.trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
        decisions = decisions.stream()
                .map(x -> x.trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
        for (String s : sources) {
            if (org.dailypapers.paper.Source.parse(s)
                    .filter(x -> x != org.dailypapers.paper.Source.ARXIV)
                    .isEmpty()) {
                throw new IllegalArgumentException(
                        "sources: '" + s + "' is not one of biorxiv, medrxiv, acl, openreview");
            }
        }
        for (String d : decisions) {
            if (org.dailypapers.paper.Decision.parse(d).isEmpty()) {
                throw new IllegalArgumentException("decisions: '" + d + "' is not a decision (published, oral,"
                        + " spotlight, poster, accepted, submitted, rejected, withdrawn, desk-rejected)");
            }
        }
        if (needsSearchFields(search, similarToUpvoted)
                && !(sources.isEmpty() && venues.isEmpty() && decisions.isEmpty())) {
            throw new IllegalArgumentException("rule '" + name + "' mixes search or similar-to-upvoted with sources,"
                    + " venues or decisions; make them two rules");
        }
        if (categories.isEmpty()
                && sources.isEmpty()
                && venues.isEmpty()
                && decisions.isEmpty()
                && keywords.isEmpty()
                && authors.isEmpty()
                && organizations.isEmpty()
                && (search == null || search.isBlank())
                && similarToUpvoted == 0) {
            throw new IllegalArgumentException("rule '" + name
                    + "' names no criterion (categories, keywords, authors, organizations, search,"
                    + " similar-to-upvoted, sources, venues, decisions)");
        }
        if (similarToUpvoted < 0) {
            throw new IllegalArgumentException("similar-to-upvoted must not be negative: " + similarToUpvoted);
        }
    }

    /** Whether the rule needs the search index, so it can only be answered once the harvested papers are stored. */
    public boolean needsSearch() {
        return needsSearchFields(search, similarToUpvoted);
    }

    private static boolean needsSearchFields(@Nullable String search, int similarToUpvoted) {
        return (search != null && !search.isBlank()) || similarToUpvoted > 0;
    }

    /** Whether the rule is about records of other sources, answered when a harvest merges one into a paper. */
    public boolean needsRecords() {
        return !sources.isEmpty() || !venues.isEmpty() || !decisions.isEmpty();
    }

    /** Whether a record meets the rule's source, venue and decision criteria. */
    boolean matchesRecord(org.dailypapers.paper.SourceRecord r) {
        return (sources.isEmpty() || sources.contains(r.source().slug()))
                && (venues.isEmpty() || (r.venue() != null && venues.contains(r.venue())))
                && (decisions.isEmpty() || decisions.contains(r.decision().slug()));
    }
}
