package org.dailypapers.web;

import java.util.List;
import org.dailypapers.cite.MetaTag;
import org.jspecify.annotations.Nullable;

/**
 * What the layout needs to know about a page.
 *
 * @param title the document title, without the site name
 * @param description meta description, or null
 * @param feedUrl the page's Atom feed (site-relative), linked with {@code rel="alternate"}; null when it has none
 * @param feedTitle the feed's title as feed readers show it
 * @param section which main navigation entry is current ({@code daily}, {@code trending}, {@code search},
 *     {@code docs}, or empty)
 * @param forms whether the page is one of forms (log-in, discussion, submission) that carries the CSRF token in its
 *     head even for signed-out readers; the reading pages leave it out for them, because the token is masked anew on
 *     every request and would keep their ETags from ever matching
 * @param meta further {@code <meta>} tags of the head (a paper's Highwire Press {@code citation_*} tags)
 * @param alternates further {@code <link rel="alternate">} representations (Markdown, BibTeX)
 * @param follow what the page's "Follow" button follows (an author, organisation, category or search), or null for
 *     none; the button itself is the follow module's fragment, loaded by htmx so that cached pages stay the same
 *     for every reader
 */
public record PageMeta(
        String title,
        @Nullable String description,
        @Nullable String feedUrl,
        @Nullable String feedTitle,
        String section,
        boolean forms,
        List<MetaTag> meta,
        List<Alternate> alternates,
        @Nullable FollowTarget follow) {

    /** Another representation of the page, for agents and reference managers. */
    public record Alternate(String type, String href, String title) {}

    /** @param kind {@code author}, {@code claimed-author}, {@code organization}, {@code category} or {@code search} */
    public record FollowTarget(String kind, String target) {

        /** The follow module's query string for this target. */
        public String query() {
            return "kind=" + Paths.param(kind) + "&target=" + Paths.param(target);
        }
    }

    public PageMeta {
        meta = List.copyOf(meta);
        alternates = List.copyOf(alternates);
    }

    public static PageMeta of(String title, String section) {
        return new PageMeta(title, null, null, null, section, false, List.of(), List.of(), null);
    }

    /** A page of the account and community modules, whose forms and htmx requests need the CSRF token. */
    public static PageMeta forms(String title) {
        return new PageMeta(title, null, null, null, "", true, List.of(), List.of(), null);
    }

    public PageMeta withFeed(String url, String feedTitle) {
        return new PageMeta(title, description, url, feedTitle, section, forms, meta, alternates, follow);
    }

    public PageMeta withDescription(String text) {
        return new PageMeta(title, text, feedUrl, feedTitle, section, forms, meta, alternates, follow);
    }

    public PageMeta withMeta(List<MetaTag> tags, List<Alternate> links) {
        return new PageMeta(title, description, feedUrl, feedTitle, section, forms, tags, links, follow);
    }

    /** Gives the page a "Follow" button for this target. */
    public PageMeta withFollow(String kind, String target) {
        return new PageMeta(
                title,
                description,
                feedUrl,
                feedTitle,
                section,
                forms,
                meta,
                alternates,
                new FollowTarget(kind, target));
    }

    public boolean hasFeed() {
        return feedUrl != null;
    }
}
