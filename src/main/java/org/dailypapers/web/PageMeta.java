package org.dailypapers.web;

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
 */
public record PageMeta(
        String title,
        @Nullable String description,
        @Nullable String feedUrl,
        @Nullable String feedTitle,
        String section) {

    public static PageMeta of(String title, String section) {
        return new PageMeta(title, null, null, null, section);
    }

    public PageMeta withFeed(String url, String feedTitle) {
        return new PageMeta(title, description, url, feedTitle, section);
    }

    public PageMeta withDescription(String text) {
        return new PageMeta(title, text, feedUrl, feedTitle, section);
    }

    public boolean hasFeed() {
        return feedUrl != null;
    }
}
