package org.dailypapers.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvests bioRxiv/medRxiv ({@code details} by interval and cursor), the ACL Anthology (one collection file per
 * page) and OpenReview (API v2 notes by invitation or venue id, by offset) into the source records, the way the
 * OAI-PMH harvester does arXiv: each page's records and the position of the next page are committed in one
 * transaction in {@code arxiv_harvest} (metadata format = the source, set = the server, collections or invitation),
 * so a harvest that was killed continues with the first page not committed, and one polite gate (its own, not
 * arXiv's) spaces the requests and waits out {@code 503 Retry-After}.
 */
@Service
public class SourceHarvester {

    private final SourceProperties properties;
    private final PoliteHttp http;
    private final SourceRecords records;
    private final HarvestProgressStore store;
    private final Curation curation;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    SourceHarvester(
            SourceProperties properties,
            Sleeper sleeper,
            SourceRecords records,
            HarvestProgressStore store,
            Curation curation,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        this.curation = curation;
        this.properties = properties;
        this.http = new PoliteHttp(
                properties.requestInterval(),
                properties.timeout(),
                properties.maxAttempts(),
                properties.maxRetryAfter(),
                properties.maxResponseSize().toBytes(),
                sleeper,
                properties.timeout(),
                properties.timeout());
        this.records = records;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Runs the harvest to its end; throws {@link SourceException} naming URL and page when the source fails it. */
    public SourceHarvestSummary harvest(SourceHarvestRequest request, HarvestListener listener) {
        running.lock();
        try {
            return switch (request.source()) {
                case BIORXIV, MEDRXIV -> biorxiv(request, listener);
                case ACL -> acl(request, listener);
                case OPENREVIEW -> openReview(request, listener);
                case ARXIV -> throw new IllegalArgumentException("arXiv is harvested by ArxivHarvester");
            };
        } finally {
            running.unlock();
        }
    }

    /** Like {@link #harvest}, but empty at once when another harvest of these sources is running. */
    public Optional<SourceHarvestSummary> harvestUnlessRunning(SourceHarvestRequest request, HarvestListener listener) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(harvest(request, listener));
        } finally {
            running.unlock();
        }
    }

    /** The sources the daily harvest takes: each server, and the Anthology and OpenReview when configured. */
    List<SourceHarvestRequest> dailyRequests() {
        List<SourceHarvestRequest> result = new ArrayList<>();
        for (String s : properties.biorxivServers()) {
            Source.parse(s)
                    .filter(x -> x == Source.BIORXIV || x == Source.MEDRXIV)
                    .ifPresent(x -> result.add(SourceHarvestRequest.daily(x)));
        }
        if (!properties.aclCollections().isEmpty()) {
            result.add(SourceHarvestRequest.daily(Source.ACL));
        }
        if (!properties.openreviewInvitations().isEmpty()) {
            result.add(SourceHarvestRequest.daily(Source.OPENREVIEW));
        }
        return result;
    }

    // ---- bioRxiv / medRxiv: /details/{server}/{from}/{until}/{cursor}, cursor += count until cursor >= total

    private SourceHarvestSummary biorxiv(SourceHarvestRequest request, HarvestListener listener) {
        Source server = request.source();
        String prefix = server.slug();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HarvestProgressStore.State state;
        if (request.from() == null && request.until() == null) {
            var unfinished = store.latestIncomplete(prefix, "");
            if (unfinished.isPresent()) {
                state = unfinished.get();
            } else {
                LocalDate from = store.completed(prefix, "").stream()
                        .map(s -> s.until() != null ? s.until() : today)
                        .max(LocalDate::compareTo)
                        .orElse(today.minusDays(1));
                state = planned(prefix, "", from, today);
            }
        } else {
            LocalDate from = request.from() != null ? request.from() : today.minusDays(1);
            LocalDate until = request.until() != null ? request.until() : today;
            state = planned(prefix, "", from, until);
        }
        HarvestProgressStore.State s = state;
        return run(
                state,
                server.label() + " details " + s.from() + " to " + s.until(),
                listener,
                token -> {
                    int cursor = token == null ? 0 : Integer.parseInt(token);
                    URI uri = URI.create(properties.biorxivBaseUrl() + "/details/" + server.slug() + "/" + s.from()
                            + "/" + s.until() + "/" + cursor);
                    return uri;
                },
                (source, body, token) -> {
                    BiorxivFormat.Page page = BiorxivFormat.parse(source, body, server);
                    int cursor = token == null ? 0 : Integer.parseInt(token);
                    int next = cursor
                            + Math.max(
                                    page.count(),
                                    page.records().size() + page.problems().size());
                    boolean more = !page.records().isEmpty() && page.total() > next;
                    return new Fetched(
                            page.records(), page.problems(), more ? String.valueOf(next) : null, page.total());
                });
    }

    // ---- ACL Anthology: one collection file per page; the token is the next collection's id

    private SourceHarvestSummary acl(SourceHarvestRequest request, HarvestListener listener) {
        List<String> collections =
                request.collections().isEmpty() ? properties.aclCollections() : request.collections();
        if (collections.isEmpty()) {
            throw new IllegalArgumentException(
                    "name the collections: --collection 2024.acl (or set dailypapers.sources.acl-collections)");
        }
        String set = setOf(String.join(",", collections));
        HarvestProgressStore.State state = store.latestIncomplete("acl", set)
                .orElseGet(() -> store.begin("acl", set, null, null, clock.instant()));
        return run(
                state,
                "ACL Anthology " + String.join(", ", collections),
                listener,
                token -> URI.create(
                        properties.aclBaseUrl() + "/" + (token == null ? collections.getFirst() : token) + ".xml"),
                (source, body, token) -> {
                    AclAnthologyFormat.Collection c = AclAnthologyFormat.parse(source, body);
                    int at = token == null ? 0 : collections.indexOf(token);
                    String next = at >= 0 && at + 1 < collections.size() ? collections.get(at + 1) : null;
                    return new Fetched(c.records(), c.problems(), next, -1);
                });
    }

    // ---- OpenReview API v2: /notes?invitation=...&limit=&offset=, offset += notes until none come back

    private SourceHarvestSummary openReview(SourceHarvestRequest request, HarvestListener listener) {
        List<String> invitations =
                request.invitations().isEmpty() ? properties.openreviewInvitations() : request.invitations();
        if (invitations.isEmpty()) {
            throw new IllegalArgumentException("name what to harvest: --invitation ICLR.cc/2026/Conference/-/Submission"
                    + " or --venue-id ICLR.cc/2026/Conference (or set dailypapers.sources.openreview-invitations)");
        }
        SourceHarvestSummary total = null;
        for (String invitation : invitations) {
            String set = setOf(invitation);
            HarvestProgressStore.State state = store.latestIncomplete("openreview", set)
                    .orElseGet(() -> store.begin("openreview", set, null, null, clock.instant()));
            int limit = Math.max(1, properties.openreviewPageSize());
            String filter = invitation.startsWith("venueid:")
                    ? "content.venueid=" + encode(invitation.substring("venueid:".length()))
                    : "invitation=" + encode(invitation);
            SourceHarvestSummary one = run(
                    state,
                    "OpenReview " + invitation,
                    listener,
                    token -> URI.create(properties.openreviewBaseUrl() + "/notes?" + filter + "&limit=" + limit
                            + "&offset=" + (token == null ? "0" : token)),
                    (source, body, token) -> {
                        OpenReviewFormat.Page page = OpenReviewFormat.parse(source, body);
                        int offset = token == null ? 0 : Integer.parseInt(token);
                        int next = offset + page.notes();
                        boolean more = page.notes() > 0 && (page.count() < 0 || next < page.count());
                        return new Fetched(
                                page.records(), page.problems(), more ? String.valueOf(next) : null, page.count());
                    });
            total = total == null ? one : plus(total, one);
        }
        return total;
    }

    // ---- the loop every source shares

    private record Fetched(List<SourceRecord> records, List<String> problems, @Nullable String next, long total) {}

    @FunctionalInterface
    private interface PageUri {
        URI of(@Nullable String token);
    }

    @FunctionalInterface
    private interface PageReader {
        Fetched read(String source, byte[] body, @Nullable String token);
    }

    private SourceHarvestSummary run(
            HarvestProgressStore.State state,
            String description,
            HarvestListener listener,
            PageUri uris,
            PageReader reader) {
        int resumedAt = state.pagesDone() + 1;
        listener.started(description, resumedAt);
        String token = state.resumptionToken();
        int harvested = 0;
        int pages = 0;
        SourceRecords.Outcome outcome = SourceRecords.Outcome.NONE;
        List<String> problems = new ArrayList<>();
        CurationRules rules = curation.rules();
        boolean recordRules = rules.rules().stream().anyMatch(CurationRule::needsRecords);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int proposed = 0;
        boolean more = true;
        while (more) {
            int pageNumber = state.pagesDone() + pages + 1;
            URI uri = uris.of(token);
            String source = uri + " (page " + pageNumber + ")";
            byte[] body = fetch(uri, source);
            Fetched page = reader.read(source, body, token);
            String key = state.key();
            int[] proposedHere = new int[1];
            SourceRecords.Outcome o = transactions.execute(status -> {
                SourceRecords.Outcome written = records.upsert(page.records());
                if (recordRules) {
                    // in the page's transaction: a rerun after a crash proposes what this page would have
                    proposedHere[0] = curation.proposeMerged(rules, records.mergedOf(page.records()), today);
                }
                store.pageDone(
                        key,
                        page.next(),
                        page.records().size(),
                        page.total() >= 0 ? page.total() : null,
                        clock.instant());
                return written;
            });
            if (o != null) {
                outcome = outcome.plus(o);
                proposed += proposedHere[0];
            }
            harvested += page.records().size();
            pages++;
            page.problems().forEach(listener::problem);
            problems.addAll(page.problems());
            listener.page(pageNumber, page.records().size(), (long) state.recordsDone() + harvested, page.total());
            token = page.next();
            more = token != null;
        }
        return new SourceHarvestSummary(
                new HarvestSummary(
                        harvested,
                        outcome.imported(),
                        outcome.updated(),
                        outcome.skipped() + problems.size(),
                        pages,
                        proposed,
                        resumedAt,
                        problems),
                outcome.merged());
    }

    private byte[] fetch(URI uri, String source) {
        PoliteHttp.Response response;
        try {
            response = http.get(uri);
        } catch (ArxivException e) {
            // the gate's messages begin with the URL; name the page too
            String m = String.valueOf(e.getMessage()).replace("arXiv", "the server");
            throw new SourceException(
                    m.startsWith(uri.toString())
                            ? source + m.substring(uri.toString().length())
                            : source + ": " + m,
                    e);
        }
        if (response.status() != 200) {
            throw new SourceException(source + ": HTTP " + response.status());
        }
        return response.body();
    }

    private HarvestProgressStore.State planned(String prefix, String set, LocalDate from, LocalDate until) {
        String key = HarvestProgressStore.key(prefix, set, from, until);
        var existing = store.find(key);
        if (existing.isPresent() && !existing.get().complete()) {
            return existing.get();
        }
        return store.begin(prefix, set, from, until, clock.instant());
    }

    /** The progress table's set column holds 100 characters; longer lists are named by their digest. */
    static String setOf(String text) {
        if (text.length() <= 100) {
            return text;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceHarvestSummary plus(SourceHarvestSummary x, SourceHarvestSummary y) {
        HarvestSummary a = x.summary();
        HarvestSummary b = y.summary();
        List<String> problems = new ArrayList<>(a.problems());
        problems.addAll(b.problems());
        return new SourceHarvestSummary(
                new HarvestSummary(
                        a.harvested() + b.harvested(),
                        a.imported() + b.imported(),
                        a.updated() + b.updated(),
                        a.skipped() + b.skipped(),
                        a.pages() + b.pages(),
                        a.proposed() + b.proposed(),
                        Math.min(a.resumedAtPage(), b.resumedAtPage()),
                        problems),
                x.merged() + y.merged());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
