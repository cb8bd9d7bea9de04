package org.dailypapers.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The feeds that belong to one signed-in reader (their collections, saved searches, follows), for the OPML file a
 * feed reader imports them all from ({@code /feeds.opml}). Each module that keeps something of the reader's
 * implements it as a bean; the feed module lists every bean's feeds, so a new module (follows) adds its feeds by
 * implementing this, without the feed module knowing it.
 */
public interface ReaderFeeds {

    /** Who asks: the signed-in account. */
    record Reader(long id, String handle, String email) {}

    /**
     * @param group the folder the feed reader shows it in ("Your collections")
     * @param xmlPath the feed's site-relative address ({@code /feeds/search.atom?q=...})
     * @param htmlPath the page the feed follows, site-relative, or null
     */
    record Feed(String group, String title, String xmlPath, @Nullable String htmlPath) {}

    List<Feed> feedsOf(Reader reader);
}
