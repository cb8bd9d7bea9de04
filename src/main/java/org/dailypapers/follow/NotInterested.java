package org.dailypapers.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.shared.Timestamps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Papers a reader marked "not interested": hidden from their ranking, their neighbours demoted; undo deletes. */
@Repository
class NotInterested {

    /** Older marks still hide their paper; only the newest ones steer the demotion, which costs a search each. */
    static final int DEMOTING = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    NotInterested(JdbcClient jdbc, ObjectProvider<Clock> clocks) {
        this.jdbc = jdbc;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    void mark(long userId, ArxivId id) {
        jdbc.sql("INSERT INTO not_interested (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (user_id, paper_id) DO NOTHING")
                .params(userId, id.withoutVersion().id(), Timestamps.format(Instant.now(clock)))
                .update();
    }

    boolean undo(long userId, ArxivId id) {
        return jdbc.sql("DELETE FROM not_interested WHERE user_id = ? AND paper_id = ?")
                        .params(userId, id.withoutVersion().id())
                        .update()
                > 0;
    }

    /** Newest first. */
    List<ArxivId> of(long userId) {
        return jdbc
                .sql("SELECT paper_id FROM not_interested WHERE user_id = ? ORDER BY created_at DESC, paper_id")
                .param(userId)
                .query(String.class)
                .list()
                .stream()
                .flatMap(s -> ArxivId.parse(s).stream())
                .toList();
    }
}
