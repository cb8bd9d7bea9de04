package org.dailypapers.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PapersChanged;
import org.dailypapers.paper.SourceRecords;
import org.dailypapers.paper.VenueEvent;
import org.dailypapers.shared.Timestamps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Version alerts. Every catalog change is compared with the newest version these alerts knew of the paper; a higher
 * one is recorded as an update. A paper new to the catalog is only remembered: its first version is no news.
 */
@Service
public class VersionUpdates {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final ObjectProvider<InterestSource> interests;
    private final Follows follows;
    private final ObjectProvider<SourceRecords> records;

    VersionUpdates(
            JdbcClient jdbc,
            PaperCatalog catalog,
            AccountService accounts,
            ObjectProvider<InterestSource> interests,
            Follows follows,
            ObjectProvider<SourceRecords> records) {
        this.records = records;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.interests = interests;
        this.follows = follows;
    }

    /** Runs after the catalog committed the change, in the thread that made it (a harvest, an import). */
    @EventListener
    void onPapersChanged(PapersChanged event) {
        record(event.ids(), Instant.now());
    }

    void record(List<ArxivId> ids, Instant now) {
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<ArxivId> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            Map<String, Integer> seen =
                    seen(chunk.stream().map(ArxivId::id).distinct().toList());
            for (Paper p : catalog.findAll(chunk)) {
                Integer known = seen.get(p.id().id());
                if (known == null) {
                    jdbc.sql("INSERT INTO paper_version_seen (paper_id, version) VALUES (?, ?)"
                                    + " ON CONFLICT (paper_id) DO NOTHING")
                            .params(p.id().id(), p.version())
                            .update();
                } else if (p.version() > known) {
                    jdbc.sql(
                                    "INSERT INTO paper_version_update (paper_id, from_version, to_version, comments,"
                                            + " detected_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (paper_id, to_version) DO NOTHING")
                            .params(p.id().id(), known, p.version(), p.comments(), Timestamps.format(now))
                            .update();
                    jdbc.sql("UPDATE paper_version_seen SET version = ? WHERE paper_id = ? AND version < ?")
                            .params(p.version(), p.id().id(), p.version())
                            .update();
                }
            }
        }
    }

    private Map<String, Integer> seen(List<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.sql("SELECT paper_id, version FROM paper_version_seen WHERE paper_id IN (" + marks + ")")
                .params(new ArrayList<Object>(ids))
                .query((rs, row) -> out.put(rs.getString("paper_id"), rs.getInt("version")))
                .list();
        return out;
    }

    /**
     * New versions, detected at or after {@code since}, of papers the reader with this address upvoted, collected
     * or follows (by author, claimed author or category), oldest first.
     */
    public List<VersionUpdate> forReader(String email, Instant since) {
        List<VersionUpdate> all = since(since);
        if (all.isEmpty()) {
            return List.of();
        }
        java.util.function.Predicate<Paper> mine = interesting(email);
        return all.stream().filter(u -> mine.test(u.paper())).toList();
    }

    /**
     * Venue alerts, detected at or after {@code since}, of papers the reader with this address upvoted, collected or
     * follows: a decision (ICLR 2026 Poster) or a published record (Published at NAACL 2025), oldest first.
     */
    public List<VenueUpdate> venueForReader(String email, Instant since) {
        SourceRecords r = records.getIfAvailable();
        if (r == null) {
            return List.of();
        }
        List<VenueEvent> events = r.venueEventsSince(since);
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, Paper> papers = new HashMap<>();
        catalog.findAll(events.stream()
                        .flatMap(e -> ArxivId.parse(e.paperId()).stream())
                        .toList())
                .forEach(p -> papers.put(p.id().id(), p));
        java.util.function.Predicate<Paper> mine = interesting(email);
        List<VenueUpdate> out = new ArrayList<>();
        for (VenueEvent e : events) {
            Paper p = papers.get(e.paperId());
            if (p != null && mine.test(p)) {
                out.add(new VenueUpdate(p, e.badge(), e.record().landingUrl(), e.detectedAt()));
            }
        }
        return out;
    }

    /** Whether a paper is one the reader upvoted, collected or follows (by author, claimed author or category). */
    private java.util.function.Predicate<Paper> interesting(String email) {
        var account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            return p -> false;
        }
        Set<String> liked = new HashSet<>();
        InterestSource source = interests.getIfAvailable();
        if (source != null) {
            source.likedPapers(email)
                    .forEach(l -> liked.add(l.id().withoutVersion().id()));
        }
        List<Follow> list = follows.list(account.get().id());
        return p -> liked.contains(p.id().id()) || followed(p, list, source);
    }

    /** Every update detected at or after {@code since}, oldest first. */
    public List<VersionUpdate> since(Instant since) {
        record Row(String id, int from, int to, String comments, String at) {}
        List<Row> rows = jdbc.sql("SELECT paper_id, from_version, to_version, comments, detected_at"
                        + " FROM paper_version_update WHERE detected_at >= ? ORDER BY detected_at, paper_id")
                .param(Timestamps.format(since))
                .query((rs, n) -> new Row(
                        rs.getString("paper_id"),
                        rs.getInt("from_version"),
                        rs.getInt("to_version"),
                        rs.getString("comments"),
                        rs.getString("detected_at")))
                .list();
        Map<String, Paper> papers = new HashMap<>();
        catalog.findAll(rows.stream()
                        .flatMap(r -> ArxivId.parse(r.id()).stream())
                        .toList())
                .forEach(p -> papers.put(p.id().id(), p));
        List<VersionUpdate> out = new ArrayList<>();
        for (Row r : rows) {
            Paper p = papers.get(r.id());
            if (p != null) {
                out.add(new VersionUpdate(
                        p,
                        r.from(),
                        r.to(),
                        r.comments(),
                        Timestamps.parse(r.at()).orElseThrow()));
            }
        }
        return out;
    }

    private static boolean followed(
            Paper p, List<Follow> list, @org.jspecify.annotations.Nullable InterestSource source) {
        for (Follow f : list) {
            List<String> claimed = f.kind() == Follow.Kind.CLAIMED_AUTHOR && source != null
                    ? source.claimedAuthorNames(f.target()).stream()
                            .map(Ranking::normalize)
                            .toList()
                    : List.of();
            if (f.kind() != Follow.Kind.SEARCH
                    && f.kind() != Follow.Kind.ORGANIZATION
                    && FollowMatch.reason(f, p, null, Set.of(), claimed) != null) {
                return true;
            }
        }
        return false;
    }
}
