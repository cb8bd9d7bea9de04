package org.dailypapers.community;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Authorship claims. A claim names one of the paper's authors as written on arXiv, so that an admin can compare it
 * with the claimant's name, and only confirmed claims appear on author pages.
 */
@Service
public class Authorship {

    private final JdbcClient jdbc;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    Authorship(JdbcClient jdbc, PaperCatalog catalog, AccountService accounts, CommunityClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock.clock();
    }

    public AuthorshipClaim claim(AccountPrincipal user, ArxivId id, String authorName) {
        Paper paper = catalog.find(id).orElseThrow(() -> new UnknownPaperException(id.id()));
        String name = paper.authors().stream()
                .filter(a -> a.strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(authorName.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.INVALID,
                        "author",
                        "'" + authorName + "' is not among the authors of arXiv:"
                                + paper.id().id() + "."));
        int inserted = jdbc.sql("INSERT INTO authorship_claim (user_id, paper_id, author_name, status, created_at)"
                        + " VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT (user_id, paper_id) DO NOTHING")
                .params(user.id(), paper.id().id(), name, Timestamps.format(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new CommunityException(
                    CommunityException.Kind.CONFLICT,
                    null,
                    "You have claimed arXiv:" + paper.id().id() + " already.");
        }
        return new AuthorshipClaim(
                user.id(),
                user.handle(),
                user.displayName(),
                paper.id(),
                name,
                AuthorshipClaim.Status.PENDING,
                clock.instant());
    }

    public void decide(AccountPrincipal admin, long userId, ArxivId paperId, boolean confirm) {
        if (!admin.admin()) {
            throw new CommunityException(
                    CommunityException.Kind.FORBIDDEN, null, "Only admins confirm authorship claims.");
        }
        int n = jdbc.sql("UPDATE authorship_claim SET status = ?, decided_at = ?, decided_by = ? WHERE user_id = ?"
                        + " AND paper_id = ?")
                .params(
                        confirm ? "CONFIRMED" : "REJECTED",
                        Timestamps.format(clock.instant()),
                        admin.id(),
                        userId,
                        paperId.id())
                .update();
        if (n == 0) {
            throw new CommunityException(CommunityException.Kind.NOT_FOUND, null, "No such authorship claim.");
        }
    }

    public List<AuthorshipClaim> pending() {
        return claims("status = 'PENDING'", List.of());
    }

    /** The claims of one user, all statuses, so that they see what is pending. */
    public List<AuthorshipClaim> claimsOf(long userId) {
        return claims("user_id = ?", List.of(userId));
    }

    /** Confirmed authors of a paper who have accounts here. */
    public List<AuthorshipClaim> confirmedAuthors(ArxivId paperId) {
        return claims("paper_id = ? AND status = 'CONFIRMED'", List.of(paperId.id()));
    }

    /** Which of these papers have at least one confirmed author with an account here (HF's isAuthorParticipating). */
    public Set<ArxivId> withConfirmedAuthors(Collection<ArxivId> paperIds) {
        if (paperIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids =
                paperIds.stream().map(id -> id.withoutVersion().id()).distinct().toList();
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Set<ArxivId> found = new HashSet<>();
        jdbc.sql("SELECT DISTINCT paper_id FROM authorship_claim WHERE status = 'CONFIRMED' AND paper_id IN (" + marks
                        + ")")
                .params(new ArrayList<Object>(ids))
                .query((rs, n) -> rs.getString(1))
                .list()
                .forEach(id -> found.add(new ArxivId(id, 0)));
        return found;
    }

    private List<AuthorshipClaim> claims(String where, List<Object> params) {
        record Row(long userId, String paperId, String authorName, String status, String createdAt) {}
        List<Row> rows = jdbc.sql("SELECT user_id, paper_id, author_name, status, created_at FROM authorship_claim"
                        + " WHERE " + where + " ORDER BY created_at DESC")
                .params(params)
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        Map<Long, Account> users =
                accounts.findByIds(rows.stream().map(Row::userId).distinct().toList());
        return rows.stream()
                .filter(r -> users.containsKey(r.userId()))
                .map(r -> new AuthorshipClaim(
                        r.userId(),
                        users.get(r.userId()).handle(),
                        users.get(r.userId()).displayName(),
                        new ArxivId(r.paperId(), 0),
                        r.authorName(),
                        AuthorshipClaim.Status.valueOf(r.status()),
                        Timestamps.parse(r.createdAt()).orElseThrow()))
                .toList();
    }
}
