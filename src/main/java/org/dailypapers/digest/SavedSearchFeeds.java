package org.dailypapers.digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailypapers.shared.ReaderFeeds;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The saved searches and categories of a reader's digest subscription, as search and category feeds in their OPML
 * file. Subscriptions are keyed by email address; like the "for you" section (which reads the account of a
 * subscriber's address), this links the account and the subscription by that address, and only once the address
 * confirmed the subscription.
 */
@Component
class SavedSearchFeeds implements ReaderFeeds {

    private final SubscriptionRepository subscriptions;

    SavedSearchFeeds(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public List<Feed> feedsOf(Reader reader) {
        List<Feed> feeds = new ArrayList<>();
        subscriptions
                .findByEmail(reader.email().strip().toLowerCase(Locale.ROOT))
                .filter(s -> s.confirmedAt() != null && s.status() != Subscription.Status.UNSUBSCRIBED)
                .ifPresent(s -> {
                    for (String query : s.savedSearches()) {
                        String q = "q=" + param(query);
                        feeds.add(new Feed("Your saved searches", query, "/feeds/search.atom?" + q, "/search?" + q));
                    }
                    for (String category : s.categories()) {
                        String segment = UriUtils.encodePathSegment(category, StandardCharsets.UTF_8);
                        feeds.add(new Feed(
                                "Categories of your digest",
                                "Daily Papers in " + category,
                                "/feeds/categories/" + segment + ".atom",
                                "/categories/" + segment));
                    }
                });
        return feeds;
    }

    private static String param(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }
}
