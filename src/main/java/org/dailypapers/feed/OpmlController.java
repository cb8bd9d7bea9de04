package org.dailypapers.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.shared.DailyPapersProperties;
import org.dailypapers.shared.ReaderFeeds;
import org.dailypapers.web.Paths;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /feeds.opml}: every feed of the site (the daily feed, trending and the common categories) and, for a
 * signed-in reader, their own feeds from every {@link ReaderFeeds} bean (collections, saved searches, follows), so a
 * feed reader subscribes to all of them in one import.
 */
@RestController
class OpmlController {

    private static final MediaType OPML = MediaType.parseMediaType("text/x-opml;charset=UTF-8");

    private final ObjectProvider<ReaderFeeds> readerFeeds;
    private final ObjectProvider<AccountService> accounts;
    private final String baseUrl;
    private final Clock clock = Clock.systemUTC();

    OpmlController(
            ObjectProvider<ReaderFeeds> readerFeeds,
            ObjectProvider<AccountService> accounts,
            DailyPapersProperties properties) {
        this.readerFeeds = readerFeeds;
        this.accounts = accounts;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    }

    @GetMapping("/feeds.opml")
    ResponseEntity<String> opml(@AuthenticationPrincipal @Nullable AccountPrincipal viewer) {
        List<ReaderFeeds.Feed> feeds = new ArrayList<>(siteFeeds());
        String title = "Daily Papers feeds";
        if (viewer != null) {
            AccountService service = accounts.getIfAvailable();
            var account = service == null ? null : service.findById(viewer.id()).orElse(null);
            if (account != null) {
                ReaderFeeds.Reader reader = new ReaderFeeds.Reader(account.id(), account.handle(), account.email());
                readerFeeds.orderedStream().forEach(source -> feeds.addAll(source.feedsOf(reader)));
                title = "Daily Papers feeds of " + account.handle();
            }
        }
        // per reader when signed in: never stored by a shared cache
        return ResponseEntity.ok()
                .contentType(OPML)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"dailypapers-feeds.opml\"")
                .body(OpmlWriter.write(title, baseUrl, clock.instant(), feeds));
    }

    static List<ReaderFeeds.Feed> siteFeeds() {
        List<ReaderFeeds.Feed> feeds = new ArrayList<>();
        feeds.add(new ReaderFeeds.Feed("Daily Papers", "Daily Papers (latest day)", "/feeds/daily.atom", "/"));
        feeds.add(new ReaderFeeds.Feed("Daily Papers", "Trending papers", "/feeds/trending.atom", "/trending"));
        for (String category : Paths.COMMON_CATEGORIES) {
            feeds.add(new ReaderFeeds.Feed(
                    "Categories",
                    "Daily Papers in " + category,
                    Paths.categoryFeed(category),
                    Paths.category(category)));
        }
        return feeds;
    }
}
