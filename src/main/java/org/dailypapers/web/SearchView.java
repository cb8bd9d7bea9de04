package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.Source;
import org.jspecify.annotations.Nullable;

/**
 * The search page, or an author page (a search for the author's name).
 *
 * @param available false when this instance runs without the search module
 * @param error a message for the reader when the query or a parameter cannot be used
 * @param searched whether a search ran (a query was given and search is available)
 * @param modes the three modes as links, the current one marked (the form has them as radio buttons too)
 */
public record SearchView(
        PageMeta page,
        String heading,
        SearchForm form,
        boolean available,
        @Nullable String error,
        boolean searched,
        List<PaperCard> cards,
        long total,
        List<FacetGroup> facets,
        @Nullable Link newerPage,
        @Nullable Link olderPage,
        int pageCount,
        boolean showForm) {

    /** A facet with its values as links that toggle the filter. */
    public record FacetGroup(String title, List<FacetLink> values) {}

    public record FacetLink(String label, long count, @Nullable String href, boolean current) {}

    public List<String> categoryChoices() {
        return ListingView.CATEGORY_CHOICES;
    }

    /** The sources the form offers, every one of them. */
    public List<Source> sourceChoices() {
        return List.of(Source.values());
    }

    public @Nullable String singleCategory() {
        return form.categories().size() == 1 ? form.categories().getFirst() : null;
    }
}
