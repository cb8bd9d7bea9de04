package org.dailypapers.paper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plain SQL over {@code paper} and {@code daily_entry}, portable between SQLite and PostgreSQL. */
@Repository
class PaperRepository {

    /** Stays well under SQLite's bound-parameter limit. */
    private static final int IN_CHUNK = 500;

    private static final String PAPER_COLUMNS = "p.id, p.version, p.title, p.abstract, p.authors, p.categories,"
            + " p.published_at, p.updated_at, p.comments, p.journal_ref, p.doi, p.license, p.links, p.upvotes,"
            + " p.github_stars";
    private static final String ENTRY_COLUMNS = "e.paper_id, e.day, e.submitted_at, e.submitter_name,"
            + " e.submitter_fullname, e.submitter_avatar, e.num_comments, e.org_name, e.org_fullname, e.org_avatar";

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
    private static final TypeReference<List<PaperLink>> LINK_LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RowMapper<Paper> paperMapper = (rs, n) -> mapPaper(rs);
    private final RowMapper<DailyEntry> entryMapper = (rs, n) -> mapEntry(rs);
    private final RowMapper<DailyPaper> dailyMapper = (rs, n) -> new DailyPaper(mapEntry(rs), mapPaper(rs));

    PaperRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Map<String, Paper> findPapers(Collection<String> ids) {
        Map<String, Paper> result = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            template.query(
                    "SELECT " + PAPER_COLUMNS + " FROM paper p WHERE p.id IN (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        Paper p = mapPaper(rs);
                        result.put(p.id().id(), p);
                    },
                    chunk.toArray());
        }
        return result;
    }

    /** The titles of those of the papers that exist, without reading (and cleaning) whole papers. */
    List<String> findTitles(Collection<String> ids) {
        List<String> result = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            template.query(
                    "SELECT p.title FROM paper p WHERE p.id IN (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        result.add(rs.getString(1));
                    },
                    chunk.toArray());
        }
        return result;
    }

    Map<String, DailyEntry> findEntries(Collection<String> ids) {
        Map<String, DailyEntry> result = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            template.query(
                    "SELECT " + ENTRY_COLUMNS + " FROM daily_entry e WHERE e.paper_id IN (" + placeholders(chunk.size())
                            + ")",
                    rs -> {
                        DailyEntry e = mapEntry(rs);
                        result.put(e.paperId().id(), e);
                    },
                    chunk.toArray());
        }
        return result;
    }

    Optional<Paper> findPaper(String id) {
        return jdbc.sql("SELECT " + PAPER_COLUMNS + " FROM paper p WHERE p.id = ?")
                .param(id)
                .query(paperMapper)
                .optional();
    }

    Optional<DailyEntry> findEntry(String id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM daily_entry e WHERE e.paper_id = ?")
                .param(id)
                .query(entryMapper)
                .optional();
    }

    void upsertPapers(List<Paper> papers, long firstSeq) {
        template.batchUpdate(
                """
                INSERT INTO paper (id, version, title, abstract, authors, categories, primary_category, published_at,
                    updated_at, comments, journal_ref, doi, license, links, upvotes, github_stars, change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title,
                    abstract = excluded.abstract, authors = excluded.authors, categories = excluded.categories,
                    primary_category = excluded.primary_category, published_at = excluded.published_at,
                    updated_at = excluded.updated_at, comments = excluded.comments, journal_ref = excluded.journal_ref,
                    doi = excluded.doi, license = excluded.license, links = excluded.links,
                    upvotes = excluded.upvotes, github_stars = excluded.github_stars, change_seq = excluded.change_seq
                """,
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bindPaper(ps, papers.get(i), firstSeq + i);
                    }

                    @Override
                    public int getBatchSize() {
                        return papers.size();
                    }
                });
    }

    void upsertEntries(List<DailyEntry> entries) {
        template.batchUpdate(
                """
                INSERT INTO daily_entry (paper_id, day, submitted_at, submitter_name, submitter_fullname,
                    submitter_avatar, num_comments, org_name, org_fullname, org_avatar)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (paper_id) DO UPDATE SET day = excluded.day, submitted_at = excluded.submitted_at,
                    submitter_name = excluded.submitter_name, submitter_fullname = excluded.submitter_fullname,
                    submitter_avatar = excluded.submitter_avatar, num_comments = excluded.num_comments,
                    org_name = excluded.org_name, org_fullname = excluded.org_fullname, org_avatar = excluded.org_avatar
                """,
                entries,
                1000,
                (ps, e) -> {
                    ps.setString(1, e.paperId().id());
                    ps.setString(2, e.day().toString());
                    setNullable(ps, 3, Timestamps.formatNullable(e.submittedAt()));
                    var s = e.submittedBy();
                    setNullable(ps, 4, s == null ? null : s.name());
                    setNullable(ps, 5, s == null ? null : s.fullname());
                    setNullable(ps, 6, s == null ? null : s.avatarUrl());
                    ps.setInt(7, e.numComments());
                    var o = e.organization();
                    setNullable(ps, 8, o == null ? null : o.name());
                    setNullable(ps, 9, o == null ? null : o.fullname());
                    setNullable(ps, 10, o == null ? null : o.avatarUrl());
                });
    }

    int deleteEntry(String id) {
        return jdbc.sql("DELETE FROM daily_entry WHERE paper_id = ?").param(id).update();
    }

    /** Touches papers so that the search index picks them up again (their daily entry changed). */
    void touch(List<String> ids, long firstSeq) {
        template.batchUpdate("UPDATE paper SET change_seq = ? WHERE id = ?", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setLong(1, firstSeq + i);
                ps.setString(2, ids.get(i));
            }

            @Override
            public int getBatchSize() {
                return ids.size();
            }
        });
    }

    int addUpvotes(String id, int delta, long seq) {
        return jdbc.sql("UPDATE paper SET upvotes = upvotes + ?, change_seq = ? WHERE id = ?")
                .params(delta, seq, id)
                .update();
    }

    int addComments(String id, int delta) {
        // never below zero: a count imported from Hugging Face may not include a comment deleted here
        return jdbc.sql("UPDATE daily_entry SET num_comments = CASE WHEN num_comments + ? < 0 THEN 0"
                        + " ELSE num_comments + ? END WHERE paper_id = ?")
                .params(delta, delta, id)
                .update();
    }

    long maxChangeSeq() {
        Long max = jdbc.sql("SELECT MAX(change_seq) FROM paper")
                .query(Long.class)
                .optional()
                .orElse(null);
        return max == null ? 0 : max;
    }

    /** Papers changed after {@code afterSeq}, oldest change first, with their change numbers. */
    List<ChangedPaper> changedSince(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + PAPER_COLUMNS + ", p.change_seq FROM paper p WHERE p.change_seq > ?"
                        + " ORDER BY p.change_seq LIMIT ?")
                .params(afterSeq, limit)
                .query((rs, n) -> new ChangedPaper(mapPaper(rs), rs.getLong("change_seq")))
                .list();
    }

    record ChangedPaper(Paper paper, long seq) {}

    long countPapers() {
        return jdbc.sql("SELECT COUNT(*) FROM paper").query(Long.class).single();
    }

    long countEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM daily_entry").query(Long.class).single();
    }

    List<DailyPaper> daily(DailyQuery q, @Nullable String orderBy, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(PAPER_COLUMNS)
                .append(", ")
                .append(ENTRY_COLUMNS)
                .append(" FROM daily_entry e JOIN paper p ON p.id = e.paper_id WHERE e.day >= ? AND e.day <= ?");
        List<Object> params = new ArrayList<>(List.of(q.from().toString(), q.to().toString()));
        appendFilters(q, sql, params);
        if (orderBy != null) {
            sql.append(" ORDER BY ").append(orderBy);
        }
        sql.append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(dailyMapper).list();
    }

    long countDaily(DailyQuery q) {
        StringBuilder sql = new StringBuilder(
                "SELECT COUNT(*) FROM daily_entry e JOIN paper p ON p.id = e.paper_id WHERE e.day >= ? AND e.day <= ?");
        List<Object> params = new ArrayList<>(List.of(q.from().toString(), q.to().toString()));
        appendFilters(q, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void appendFilters(DailyQuery q, StringBuilder sql, List<Object> params) {
        if (q.category() != null) {
            // Whole-token match in the space-separated list; "cs" matches every cs.* category.
            String c = q.category();
            sql.append(" AND (' ' || p.categories || ' ') LIKE ?");
            params.add(c.contains(".") ? "% " + c + " %" : "% " + c + ".%");
        }
        if (q.organization() != null) {
            sql.append(" AND e.org_name = ?");
            params.add(q.organization());
        }
        if (q.submitter() != null) {
            sql.append(" AND LOWER(e.submitter_name) = ?");
            params.add(q.submitter().toLowerCase(java.util.Locale.ROOT));
        }
        // papers merged with a record of that source or venue (source_record.paper_id is indexed)
        if (q.source() != null && q.source() != Source.ARXIV) {
            sql.append(" AND EXISTS (SELECT 1 FROM source_record r WHERE r.paper_id = p.id AND r.source = ?)");
            params.add(q.source().slug());
        }
        if (q.venue() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM source_record r WHERE r.paper_id = p.id AND r.venue = ?)");
            params.add(q.venue());
        }
    }

    Optional<LocalDate> latestDay() {
        return day("SELECT MAX(day) FROM daily_entry");
    }

    Optional<LocalDate> dayBefore(LocalDate day) {
        return day("SELECT MAX(day) FROM daily_entry WHERE day < ?", day.toString());
    }

    Optional<LocalDate> dayAfter(LocalDate day) {
        return day("SELECT MIN(day) FROM daily_entry WHERE day > ?", day.toString());
    }

    private Optional<LocalDate> day(String sql, Object... params) {
        String d = jdbc.sql(sql)
                .params(Arrays.asList(params))
                .query(String.class)
                .optional()
                .orElse(null);
        return Optional.ofNullable(d).map(LocalDate::parse);
    }

    private void bindPaper(PreparedStatement ps, Paper p, long seq) throws SQLException {
        ps.setString(1, p.id().id());
        ps.setInt(2, p.version());
        ps.setString(3, p.title());
        ps.setString(4, p.abstractText());
        ps.setString(5, json.writeValueAsString(p.authors()));
        ps.setString(6, String.join(" ", p.categories()));
        setNullable(ps, 7, p.primaryCategory().orElse(null));
        setNullable(ps, 8, Timestamps.formatNullable(p.publishedAt()));
        setNullable(ps, 9, Timestamps.formatNullable(p.updatedAt()));
        setNullable(ps, 10, p.comments());
        setNullable(ps, 11, p.journalRef());
        setNullable(ps, 12, p.doi());
        setNullable(ps, 13, p.license());
        ps.setString(14, json.writeValueAsString(p.links()));
        ps.setInt(15, p.upvotes());
        if (p.githubStars() == null) {
            ps.setNull(16, Types.INTEGER);
        } else {
            ps.setInt(16, p.githubStars());
        }
        ps.setLong(17, seq);
    }

    private Paper mapPaper(ResultSet rs) throws SQLException {
        String categories = rs.getString("categories");
        int stars = rs.getInt("github_stars");
        Integer githubStars = rs.wasNull() ? null : stars;
        return new Paper(
                new ArxivId(rs.getString("id"), 0),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("abstract"),
                json.readValue(rs.getString("authors"), STRING_LIST),
                categories == null || categories.isBlank() ? List.of() : List.of(categories.split(" ")),
                Timestamps.parseNullable(rs.getString("published_at")),
                Timestamps.parseNullable(rs.getString("updated_at")),
                rs.getString("comments"),
                rs.getString("journal_ref"),
                rs.getString("doi"),
                rs.getString("license"),
                json.readValue(rs.getString("links"), LINK_LIST),
                rs.getInt("upvotes"),
                githubStars);
    }

    private static DailyEntry mapEntry(ResultSet rs) throws SQLException {
        String submitter = rs.getString("submitter_name");
        String org = rs.getString("org_name");
        return new DailyEntry(
                new ArxivId(rs.getString("paper_id"), 0),
                LocalDate.parse(rs.getString("day")),
                Timestamps.parseNullable(rs.getString("submitted_at")),
                submitter == null
                        ? null
                        : new DailyEntry.Submitter(
                                submitter, rs.getString("submitter_fullname"), rs.getString("submitter_avatar")),
                rs.getInt("num_comments"),
                org == null
                        ? null
                        : new DailyEntry.Organization(org, rs.getString("org_fullname"), rs.getString("org_avatar")));
    }

    private static void setNullable(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
