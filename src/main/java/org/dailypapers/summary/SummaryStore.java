package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code paper_summary} and {@code summary_progress} tables, portable between SQLite and PostgreSQL. */
@Repository
class SummaryStore {

    /** Stays well under SQLite's bound-parameter limit. */
    private static final int IN_CHUNK = 500;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** One row: Hugging Face's values and ours, and what ours were computed from. */
    record Row(
            String paperId,
            @Nullable String hfSummary,
            List<String> hfKeywords,
            @Nullable String summary,
            List<String> keywords,
            @Nullable String textHash) {}

    /** Ours, computed from the text that {@code textHash} names. */
    record Computed(String paperId, @Nullable String summary, List<String> keywords, String textHash) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    SummaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Row> find(Collection<String> ids) {
        Map<String, Row> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            jdbc.query(
                    "SELECT paper_id, hf_summary, hf_keywords, summary, keywords, text_hash FROM paper_summary"
                            + " WHERE paper_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ")",
                    rs -> {
                        found.put(
                                rs.getString(1),
                                new Row(
                                        rs.getString(1),
                                        rs.getString(2),
                                        list(rs.getString(3)),
                                        rs.getString(4),
                                        list(rs.getString(5)),
                                        rs.getString(6)));
                    },
                    chunk.toArray());
        }
        return found;
    }

    void saveComputed(List<Computed> rows) {
        jdbc.batchUpdate(
                """
                INSERT INTO paper_summary (paper_id, summary, keywords, text_hash) VALUES (?, ?, ?, ?)
                ON CONFLICT (paper_id) DO UPDATE SET summary = excluded.summary, keywords = excluded.keywords,
                    text_hash = excluded.text_hash
                """,
                rows,
                500,
                (ps, r) -> {
                    ps.setString(1, r.paperId());
                    ps.setString(2, r.summary());
                    ps.setString(3, json.writeValueAsString(r.keywords()));
                    ps.setString(4, r.textHash());
                });
    }

    /** Hugging Face's values; a field the import did not bring keeps what an earlier import stored. */
    void saveImported(List<ImportedSummary> rows) {
        jdbc.batchUpdate(
                """
                INSERT INTO paper_summary (paper_id, hf_summary, hf_keywords) VALUES (?, ?, ?)
                ON CONFLICT (paper_id) DO UPDATE SET
                    hf_summary = COALESCE(excluded.hf_summary, paper_summary.hf_summary),
                    hf_keywords = COALESCE(excluded.hf_keywords, paper_summary.hf_keywords)
                """,
                rows,
                500,
                (ps, r) -> {
                    ps.setString(1, r.id().id());
                    ps.setString(2, r.summary());
                    ps.setString(3, r.keywords().isEmpty() ? null : json.writeValueAsString(r.keywords()));
                });
    }

    long progress() {
        Long seq = jdbc.queryForObject("SELECT catalog_seq FROM summary_progress WHERE id = 1", Long.class);
        return seq == null ? 0 : seq;
    }

    void saveProgress(long catalogSeq) {
        jdbc.update("UPDATE summary_progress SET catalog_seq = ? WHERE id = 1", catalogSeq);
    }

    long countComputed() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM paper_summary WHERE text_hash IS NOT NULL", Long.class);
        return n == null ? 0 : n;
    }

    private List<String> list(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : json.readValue(text, STRINGS);
    }
}
