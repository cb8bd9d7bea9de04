package org.dailypapers.search.embedding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code search_vector} table: embeddings of papers, portable between SQLite and PostgreSQL. */
@Repository
public class VectorStore {

    /** Stays well under SQLite's bound-parameter limit. */
    private static final int IN_CHUNK = 500;

    public record StoredVector(String paperId, String textHash, float[] vector) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    VectorStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Vectors of this embedder's model for the given papers; papers without one are absent. */
    public Map<String, StoredVector> find(Collection<String> ids) {
        Map<String, StoredVector> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            params.add(BgeEmbedder.MODEL_ID);
            template.query(
                    "SELECT paper_id, text_hash, vector FROM search_vector WHERE paper_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ") AND model = ?",
                    rs -> {
                        found.put(
                                rs.getString(1),
                                new StoredVector(rs.getString(1), rs.getString(2), VectorMath.decode(rs.getString(3))));
                    },
                    params.toArray());
        }
        return found;
    }

    public void saveAll(List<StoredVector> vectors) {
        template.batchUpdate(
                """
                INSERT INTO search_vector (paper_id, model, text_hash, vector) VALUES (?, ?, ?, ?)
                ON CONFLICT (paper_id) DO UPDATE SET model = excluded.model, text_hash = excluded.text_hash,
                    vector = excluded.vector
                """,
                vectors,
                500,
                (ps, v) -> {
                    ps.setString(1, v.paperId());
                    ps.setString(2, BgeEmbedder.MODEL_ID);
                    ps.setString(3, v.textHash());
                    ps.setString(4, VectorMath.encode(v.vector()));
                });
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM search_vector WHERE model = ?")
                .param(BgeEmbedder.MODEL_ID)
                .query(Long.class)
                .single();
    }
}
