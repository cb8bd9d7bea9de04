package org.dailypapers.feed;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceRecords;
import org.dailypapers.paper.Venues;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atom feeds of the records of other sources: {@code /feeds/source/{biorxiv|medrxiv|acl|openreview}.atom} and
 * {@code /feeds/venue/{naacl|iclr|...}.atom}, newest first. A bad source or venue is a 400 in plain text naming it.
 */
@RestController
class SourceFeedController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final SourceRecords records;
    private final AtomWriter writer;

    SourceFeedController(SourceRecords records, AtomWriter writer) {
        this.records = records;
        this.writer = writer;
    }

    @GetMapping("/feeds/source/{source}.atom")
    ResponseEntity<String> source(@PathVariable String source) {
        Source s = Source.parse(source).filter(x -> x != Source.ARXIV).orElse(null);
        if (s == null) {
            return bad("source: '" + source + "' is not one of biorxiv, medrxiv, acl, openreview"
                    + " (arXiv papers have /feeds/daily.atom)");
        }
        var page = records.list(s, null, 0, FeedController.MAX_ENTRIES);
        return atom(writer.writeRecords(
                "Papers from " + s.label(),
                "The newest records harvested from " + s.label() + ".",
                "/feeds/source/" + s.slug() + ".atom",
                "/records?source=" + s.slug(),
                page.records()));
    }

    @GetMapping("/feeds/venue/{venue}.atom")
    ResponseEntity<String> venue(@PathVariable String venue) {
        String v = Venues.parse(venue).orElse(null);
        if (v == null) {
            return bad("venue: '" + venue + "' is not " + Venues.EXPECTED);
        }
        var page = records.list(null, v, 0, FeedController.MAX_ENTRIES);
        String name = page.records().isEmpty() || page.records().getFirst().venueName() == null
                ? v.toUpperCase(Locale.ROOT)
                : page.records().getFirst().venueName().replaceFirst(" \\d{4}$", "");
        return atom(writer.writeRecords(
                "Papers at " + name,
                "The newest records of " + name + " (all years), with their decisions.",
                "/feeds/venue/" + v + ".atom",
                "/records?venue=" + v,
                page.records()));
    }

    private static ResponseEntity<String> bad(String message) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }

    private static ResponseEntity<String> atom(String xml) {
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(xml);
    }
}
