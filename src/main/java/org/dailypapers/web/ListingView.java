package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.Source;
import org.jspecify.annotations.Nullable;

/**
 * A list page of papers: a day, week or month of the daily feed, trending, a category or an organisation.
 *
 * @param previous the previous day, week or month (older), or null
 * @param next the next one (newer), or null
 * @param periods day / week / month views of the same date; empty where that makes no sense
 * @param sorts the orders the page offers, the current one marked
 * @param filterAction where the category filter form goes (the page itself)
 * @param sort the current order's name, sent along with the filter form
 * @param category the current category filter, or null
 * @param olderPage the next page of a long list, or null
 * @param newerPage the page before, or null
 * @param emptyMessage what to say when there are no papers
 * @param exports the same list as BibTeX and RIS (the first 500 papers), empty where there is no list
 * @param offersSources whether the filter form offers a source and a venue (the daily feed's pages)
 * @param source the current source filter, or null
 * @param venue the current venue filter, or null
 * @param venueChoices the venue keys records are known at, offered in the filter
 */
public record ListingView(
        PageMeta page,
        String heading,
        @Nullable String intro,
        @Nullable Link previous,
        @Nullable Link next,
        List<Link> periods,
        List<Link> sorts,
        String filterAction,
        String sort,
        @Nullable String category,
        List<PaperCard> cards,
        long total,
        @Nullable Link newerPage,
        @Nullable Link olderPage,
        String emptyMessage,
        List<Link> exports,
        boolean offersSources,
        @Nullable Source source,
        @Nullable String venue,
        List<String> venueChoices) {

    /** Common arXiv categories of ML papers offered in the filter; any other can be typed into the URL. */
    public static final List<String> CATEGORY_CHOICES = List.of(
            "cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.IR", "cs.RO", "cs.CR", "cs.SE", "cs.HC", "cs.MA", "cs.NE", "cs.SD",
            "eess.AS", "eess.IV", "stat.ML", "math.OC", "q-bio", "physics");

    public ListingView {
        venueChoices = List.copyOf(venueChoices);
    }

    public List<Source> sourceChoices() {
        return List.of(Source.values());
    }

    /** The known venues, with the current one first when no record is at it yet (it was typed into the URL). */
    public List<String> venueOptions() {
        if (venue == null || venueChoices.contains(venue)) {
            return venueChoices;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(venue), venueChoices.stream())
                .toList();
    }

    public List<String> categoryChoices() {
        if (category == null || CATEGORY_CHOICES.contains(category)) {
            return CATEGORY_CHOICES;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(category), CATEGORY_CHOICES.stream())
                .toList();
    }
}
