package org.dailypapers.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code arxiv_harvest} and {@code curation_dismissal} tables, in portable SQL. */
@Repository
class HarvestProgressStore {

    private final JdbcClient jdbc;

    HarvestProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A harvest's stored state. */
    record State(
            String key,
            String metadataPrefix,
            String set,
            @Nullable LocalDate from,
            @Nullable LocalDate until,
            @Nullable String resumptionToken,
            int pagesDone,
            int recordsDone,
            @Nullable Long completeListSize,
            boolean complete,
            Instant startedAt,
            Instant updatedAt) {}

    static String key(String metadataPrefix, String set, @Nullable LocalDate from, @Nullable LocalDate until) {
        return metadataPrefix + "|" + set + "|" + (from == null ? "" : from) + "|" + (until == null ? "" : until);
    }

    Optional<State> find(String key) {
        return jdbc.sql("SELECT * FROM arxiv_harvest WHERE harvest_key = ?")
                .param(key)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The most recently active harvest of that format and set that has not finished. */
    Optional<State> latestIncomplete(String metadataPrefix, String set) {
        return jdbc.sql("SELECT * FROM arxiv_harvest WHERE metadata_prefix = ? AND set_spec = ? AND complete = 0"
                        + " ORDER BY updated_at DESC LIMIT 1")
                .params(metadataPrefix, set)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<State> latestComplete(String metadataPrefix, String set) {
        return completed(metadataPrefix, set).stream().findFirst();
    }

    /** Finished harvests of that format and set, most recently finished first. */
    List<State> completed(String metadataPrefix, String set) {
        return jdbc.sql("SELECT * FROM arxiv_harvest WHERE metadata_prefix = ? AND set_spec = ? AND complete = 1"
                        + " ORDER BY updated_at DESC")
                .params(metadataPrefix, set)
                .query((rs, n) -> map(rs))
                .list();
    }

    List<State> all() {
        return jdbc.sql("SELECT * FROM arxiv_harvest ORDER BY updated_at DESC")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Starts the harvest afresh: no token, nothing done (a finished harvest asked for again, or a lost token). */
    State begin(String metadataPrefix, String set, @Nullable LocalDate from, @Nullable LocalDate until, Instant now) {
        String key = key(metadataPrefix, set, from, until);
        String at = Timestamps.format(now);
        int changed = jdbc.sql("UPDATE arxiv_harvest SET resumption_token = NULL, pages_done = 0, records_done = 0,"
                        + " complete_list_size = NULL, complete = 0, started_at = ?, updated_at = ?"
                        + " WHERE harvest_key = ?")
                .params(at, at, key)
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO arxiv_harvest (harvest_key, metadata_prefix, set_spec, from_day, until_day,"
                            + " pages_done, records_done, complete, started_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?)")
                    .params(
                            key,
                            metadataPrefix,
                            set,
                            from == null ? null : from.toString(),
                            until == null ? null : until.toString(),
                            at,
                            at)
                    .update();
        }
        return find(key).orElseThrow();
    }

    /** Records a committed page; call inside the transaction that wrote the page's papers. */
    void pageDone(String key, @Nullable String nextToken, int records, @Nullable Long completeListSize, Instant now) {
        jdbc.sql("UPDATE arxiv_harvest SET resumption_token = ?, pages_done = pages_done + 1,"
                        + " records_done = records_done + ?, complete_list_size = COALESCE(?, complete_list_size),"
                        + " complete = ?, updated_at = ? WHERE harvest_key = ?")
                .params(nextToken, records, completeListSize, nextToken == null ? 1 : 0, Timestamps.format(now), key)
                .update();
    }

    void dismiss(ArxivId id, Instant now) {
        String at = Timestamps.format(now);
        int changed = jdbc.sql("UPDATE curation_dismissal SET dismissed_at = ? WHERE paper_id = ?")
                .params(at, id.id())
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO curation_dismissal (paper_id, dismissed_at) VALUES (?, ?)")
                    .params(id.id(), at)
                    .update();
        }
    }

    Set<String> dismissed(Collection<ArxivId> ids) {
        Set<String> result = new HashSet<>();
        List<String> all = new ArrayList<>(ids.stream().map(ArxivId::id).toList());
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            result.addAll(jdbc.sql("SELECT paper_id FROM curation_dismissal WHERE paper_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query(String.class)
                    .list());
        }
        return result;
    }

    private static State map(ResultSet rs) throws SQLException {
        String from = rs.getString("from_day");
        String until = rs.getString("until_day");
        long size = rs.getLong("complete_list_size");
        Long completeListSize = rs.wasNull() ? null : size;
        return new State(
                rs.getString("harvest_key"),
                rs.getString("metadata_prefix"),
                rs.getString("set_spec"),
                from == null ? null : LocalDate.parse(from),
                until == null ? null : LocalDate.parse(until),
                rs.getString("resumption_token"),
                rs.getInt("pages_done"),
                rs.getInt("records_done"),
                completeListSize,
                rs.getInt("complete") == 1,
                Timestamps.parse(rs.getString("started_at")).orElseThrow(),
                Timestamps.parse(rs.getString("updated_at")).orElseThrow());
    }
}
