package org.dailypapers.follow;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The private Atom feed of a reader's "For you" page. A feed reader has no session, so the secret is in the URL;
 * the reader revokes it on the page, and a revoked or unknown token gets 404 (not 401: nothing to log in to).
 */
@RestController
@ConditionalOnWebApplication
class ForYouFeedController {

    private final ForYou forYou;
    private final DailyPapersProperties app;

    ForYouFeedController(ForYou forYou, DailyPapersProperties app) {
        this.forYou = forYou;
        this.app = app;
    }

    @GetMapping("/for-you/feed/{token}.atom")
    ResponseEntity<String> feed(@PathVariable String token) throws FeedException {
        AccountPrincipal reader = forYou.feedReader(token).orElse(null);
        if (reader == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No such feed: the address was revoked or never existed.\n");
        }
        List<Recommendation> ranked = forYou.forReader(reader, forYou.defaultDays(), ForYouController.PAGE_SIZE);
        String base = app.baseUrl().replaceAll("/+$", "");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("For you · " + reader.displayName() + " · Daily Papers");
        feed.setDescription("Recent papers ranked for " + reader.displayName());
        feed.setUri(base + "/for-you#" + reader.handle());
        feed.setLink(base + "/for-you");
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(base + "/for-you");
        feed.setLinks(List.of(alternate));
        Instant newest = ranked.stream()
                .map(r -> r.entry() != null && r.entry().submittedAt() != null
                        ? r.entry().submittedAt()
                        : r.paper().publishedAt())
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.parse("2025-01-01T00:00:00Z"));
        feed.setPublishedDate(Date.from(newest));
        List<SyndEntry> entries = new ArrayList<>();
        for (Recommendation r : ranked) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(r.paper().title());
            e.setLink(base + "/papers/" + r.paper().id().id());
            e.setUri(r.paper().absUrl());
            Instant at = r.entry() != null && r.entry().submittedAt() != null
                    ? r.entry().submittedAt()
                    : r.paper().publishedAt() == null ? newest : r.paper().publishedAt();
            e.setPublishedDate(Date.from(at));
            e.setUpdatedDate(Date.from(at));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(r.reason().text() + "\n\n" + r.paper().abstractText());
            e.setDescription(summary);
            List<SyndPerson> authors = new ArrayList<>();
            for (String name : r.paper().authors()) {
                SyndPersonImpl a = new SyndPersonImpl();
                a.setName(name);
                authors.add(a);
            }
            e.setAuthors(authors);
            entries.add(e);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(CacheControl.noStore())
                .body(new SyndFeedOutput().outputString(feed));
    }
}
