package org.dailypapers.community;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One upvote per user and paper. The vote row and the paper's count change in one transaction, and the vote row's
 * primary key decides races: of many simultaneous upvotes by one user exactly one inserts a row, and only that one
 * adds to the count.
 */
@Service
public class Upvotes {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaperCatalog catalog;
    private final java.time.Clock clock;

    Upvotes(JdbcClient jdbc, TransactionTemplate transactions, PaperCatalog catalog, CommunityClock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock.clock();
    }

    public UpvoteState upvote(long userId, ArxivId id) {
        ArxivId paperId = existing(id);
        // The write comes first in the transaction: on SQLite a transaction that read before writing could fail
        // with SQLITE_BUSY instead of waiting for the writer before it.
        boolean added = Boolean.TRUE.equals(transactions.execute(status -> {
            int inserted = jdbc.sql("INSERT INTO upvote (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (user_id, paper_id) DO NOTHING")
                    .params(userId, paperId.id(), Timestamps.format(clock.instant()))
                    .update();
            if (inserted > 0) {
                catalog.addUpvotes(paperId, 1);
            }
            return inserted > 0;
        }));
        return new UpvoteState(paperId, true, count(paperId), added);
    }

    public UpvoteState remove(long userId, ArxivId id) {
        ArxivId paperId = existing(id);
        boolean removed = Boolean.TRUE.equals(transactions.execute(status -> {
            int deleted = jdbc.sql("DELETE FROM upvote WHERE user_id = ? AND paper_id = ?")
                    .params(userId, paperId.id())
                    .update();
            if (deleted > 0) {
                catalog.addUpvotes(paperId, -1);
            }
            return deleted > 0;
        }));
        return new UpvoteState(paperId, false, count(paperId), removed);
    }

    public boolean hasUpvoted(long userId, ArxivId id) {
        return jdbc.sql("SELECT COUNT(*) FROM upvote WHERE user_id = ? AND paper_id = ?")
                        .params(userId, id.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The papers among {@code ids} that the user upvoted, for marking cards of a feed page in one query. */
    public Set<ArxivId> upvotedAmong(long userId, Collection<ArxivId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> raw = ids.stream().map(ArxivId::id).distinct().toList();
        Set<ArxivId> result = new HashSet<>();
        jdbc.sql("SELECT paper_id FROM upvote WHERE user_id = :user AND paper_id IN (:ids)")
                .param("user", userId)
                .param("ids", raw)
                .query(String.class)
                .list()
                .forEach(p -> result.add(new ArxivId(p, 0)));
        return result;
    }

    /** Papers the user upvoted, newest vote first (an input for recommendations). */
    public List<ArxivId> upvotedBy(long userId, int limit) {
        return jdbc
                .sql("SELECT paper_id FROM upvote WHERE user_id = ? ORDER BY created_at DESC, paper_id LIMIT ?")
                .params(userId, limit)
                .query(String.class)
                .list()
                .stream()
                .map(p -> new ArxivId(p, 0))
                .toList();
    }

    private ArxivId existing(ArxivId id) {
        return catalog.find(id).map(Paper::id).orElseThrow(() -> new UnknownPaperException(id.id()));
    }

    private int count(ArxivId id) {
        return catalog.find(id).map(Paper::upvotes).orElse(0);
    }
}
