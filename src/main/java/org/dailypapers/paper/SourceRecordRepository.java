package org.dailypapers.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plain SQL over {@code source_record}, {@code source_record_split} and {@code venue_event}. */
@Repository
class SourceRecordRepository {

    private static final String COLUMNS = "record_key, source, version, title, abstract, authors, venue, venue_name,"
            + " decision, year, record_date, doi, published_doi, pdf_url, license, categories, arxiv_id, paper_id,"
            + " match_reason";
    private static final TypeReference<List<RecordAuthor>> AUTHORS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    SourceRecordRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A stored record with the paper it belongs to. */
    record Stored(SourceRecord record, @Nullable String paperId, @Nullable String matchReason) {}

    Map<String, Stored> find(Collection<String> keys) {
        Map<String, Stored> result = new HashMap<>();
        forEachIn("SELECT " + COLUMNS + " FROM source_record WHERE record_key IN (%s)", keys, rs -> {
            Stored s = map(rs);
            result.put(s.record().id().key(), s);
        });
        return result;
    }

    Optional<Stored> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source_record WHERE record_key = ?")
                .param(key)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<Stored> ofPaper(String paperId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source_record WHERE paper_id = ? ORDER BY record_date, record_key")
                .param(paperId)
                .query((rs, n) -> map(rs))
                .list();
    }

    Map<String, List<Stored>> ofPapers(Collection<String> paperIds) {
        Map<String, List<Stored>> result = new HashMap<>();
        forEachIn(
                "SELECT " + COLUMNS + " FROM source_record WHERE paper_id IN (%s) ORDER BY record_date, record_key",
                paperIds,
                rs -> {
                    Stored s = map(rs);
                    result.computeIfAbsent(s.paperId(), k -> new ArrayList<>()).add(s);
                });
        return result;
    }

    /** The sources and venues of the records of these papers, keyed by paper id; papers without records are absent. */
    Map<String, PaperSources> sourcesOf(Collection<String> paperIds) {
        Map<String, Set<Source>> sources = new HashMap<>();
        Map<String, Set<String>> venues = new HashMap<>();
        forEachIn(
                "SELECT paper_id, source, venue FROM source_record WHERE paper_id IN (%s)",
                paperIds, rs -> {
                    String paper = rs.getString(1);
                    Source.parse(rs.getString(2)).ifPresent(s -> sources.computeIfAbsent(paper, k -> new HashSet<>())
                            .add(s));
                    String venue = rs.getString(3);
                    if (venue != null) {
                        venues.computeIfAbsent(paper, k -> new HashSet<>()).add(venue);
                    }
                });
        Map<String, PaperSources> result = new HashMap<>();
        for (String paper : sources.keySet()) {
            Set<Source> of = new HashSet<>(sources.get(paper));
            of.add(Source.ARXIV);
            result.put(paper, new PaperSources(of, venues.getOrDefault(paper, Set.of())));
        }
        return result;
    }

    /** Records by source and venue, newest first; nulls match everything. */
    List<Stored> list(@Nullable Source source, @Nullable String venue, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM source_record WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filters(source, venue, sql, params);
        sql.append(" ORDER BY record_date DESC, record_key LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    long count(@Nullable Source source, @Nullable String venue) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM source_record WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filters(source, venue, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** Counts per source and per venue, for facets. */
    Map<String, Long> countBy(String column) {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT " + column + ", COUNT(*) AS n FROM source_record WHERE " + column + " IS NOT NULL GROUP BY "
                        + column + " ORDER BY n DESC, " + column)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }

    private static void filters(@Nullable Source source, @Nullable String venue, StringBuilder sql, List<Object> p) {
        if (source != null) {
            sql.append(" AND source = ?");
            p.add(source.slug());
        }
        if (venue != null) {
            sql.append(" AND venue = ?");
            p.add(venue);
        }
    }

    /** Whether any record waits for an arXiv paper to link to (one index probe, not a count). */
    boolean anyUnlinked() {
        return Boolean.TRUE.equals(template.query(
                "SELECT 1 FROM source_record WHERE paper_id IS NULL LIMIT 1",
                (org.springframework.jdbc.core.ResultSetExtractor<Boolean>) ResultSet::next));
    }

    List<Stored> unlinkedWithTitleKeys(Collection<String> titleKeys) {
        List<Stored> result = new ArrayList<>();
        forEachIn(
                "SELECT " + COLUMNS + " FROM source_record WHERE paper_id IS NULL AND title_key IN (%s)",
                new HashSet<>(titleKeys),
                rs -> {
                    result.add(map(rs));
                });
        return result;
    }

    void upsert(List<Stored> records, Instant now) {
        String at = Timestamps.format(now);
        template.batchUpdate(
                """
                INSERT INTO source_record (record_key, source, version, title, abstract, authors, venue, venue_name,
                    decision, year, record_date, doi, published_doi, pdf_url, license, categories, arxiv_id, title_key,
                    paper_id, match_reason, first_seen_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (record_key) DO UPDATE SET source = excluded.source, version = excluded.version,
                    title = excluded.title, abstract = excluded.abstract, authors = excluded.authors,
                    venue = excluded.venue, venue_name = excluded.venue_name, decision = excluded.decision,
                    year = excluded.year, record_date = excluded.record_date, doi = excluded.doi,
                    published_doi = excluded.published_doi, pdf_url = excluded.pdf_url, license = excluded.license,
                    categories = excluded.categories, arxiv_id = excluded.arxiv_id, title_key = excluded.title_key,
                    paper_id = excluded.paper_id, match_reason = excluded.match_reason,
                    updated_at = excluded.updated_at
                """,
                records,
                1000,
                (ps, s) -> {
                    SourceRecord r = s.record();
                    ps.setString(1, r.id().key());
                    ps.setString(2, r.source().slug());
                    ps.setInt(3, r.version());
                    ps.setString(4, r.title());
                    ps.setString(5, r.abstractText());
                    ps.setString(6, json.writeValueAsString(r.authors()));
                    nullable(ps, 7, r.venue());
                    nullable(ps, 8, r.venueName());
                    ps.setString(9, r.decision().slug());
                    if (r.year() == null) {
                        ps.setNull(10, Types.INTEGER);
                    } else {
                        ps.setInt(10, r.year());
                    }
                    nullable(ps, 11, r.date() == null ? null : r.date().toString());
                    nullable(ps, 12, r.doi());
                    nullable(ps, 13, r.publishedDoi());
                    nullable(ps, 14, r.pdfUrl());
                    nullable(ps, 15, r.license());
                    ps.setString(16, json.writeValueAsString(r.categories()));
                    nullable(ps, 17, r.arxivId() == null ? null : r.arxivId().id());
                    ps.setString(18, WorkMatcher.titleKey(r.title()));
                    nullable(ps, 19, s.paperId());
                    nullable(ps, 20, s.matchReason());
                    ps.setString(21, at);
                    ps.setString(22, at);
                });
    }

    int link(String key, @Nullable String paperId, @Nullable String reason) {
        return jdbc.sql("UPDATE source_record SET paper_id = ?, match_reason = ? WHERE record_key = ?")
                .params(paperId, reason, key)
                .update();
    }

    void split(String key, String paperId, Instant now) {
        jdbc.sql("DELETE FROM source_record_split WHERE record_key = ? AND paper_id = ?")
                .params(key, paperId)
                .update();
        jdbc.sql("INSERT INTO source_record_split (record_key, paper_id, split_at) VALUES (?, ?, ?)")
                .params(key, paperId, Timestamps.format(now))
                .update();
    }

    Map<String, Set<String>> splits(Collection<String> keys) {
        Map<String, Set<String>> result = new HashMap<>();
        forEachIn(
                "SELECT record_key, paper_id FROM source_record_split WHERE record_key IN (%s)",
                keys, rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return result;
    }

    /** Records a venue alert once; returns whether it is new. */
    boolean addEvent(String paperId, SourceRecord r, String badge, Instant now) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM venue_event WHERE paper_id = ? AND record_key = ? AND decision = ?")
                .params(paperId, r.id().key(), r.decision().slug())
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO venue_event (paper_id, record_key, decision, badge, detected_at) VALUES (?, ?, ?, ?, ?)")
                .params(paperId, r.id().key(), r.decision().slug(), badge, Timestamps.format(now))
                .update();
        return true;
    }

    List<VenueEvent> events(Collection<String> paperIds, Instant since) {
        List<VenueEvent> result = new ArrayList<>();
        List<String> all = new ArrayList<>(paperIds);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            List<Object> params = new ArrayList<>(chunk);
            params.add(Timestamps.format(since));
            result.addAll(jdbc.sql("SELECT paper_id, record_key, decision, badge, detected_at FROM venue_event"
                            + " WHERE paper_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ") AND detected_at > ? ORDER BY detected_at, paper_id")
                    .params(params)
                    .query((rs, n) -> new VenueEvent(
                            rs.getString(1),
                            SourceId.fromKey(rs.getString(2)).orElseThrow(),
                            Decision.parse(rs.getString(3)).orElse(Decision.PUBLISHED),
                            rs.getString(4),
                            Timestamps.parse(rs.getString(5)).orElseThrow()))
                    .list());
        }
        return result;
    }

    List<VenueEvent> eventsSince(Instant since) {
        return jdbc.sql("SELECT paper_id, record_key, decision, badge, detected_at FROM venue_event"
                        + " WHERE detected_at >= ? ORDER BY detected_at, paper_id")
                .param(Timestamps.format(since))
                .query((rs, n) -> new VenueEvent(
                        rs.getString(1),
                        SourceId.fromKey(rs.getString(2)).orElseThrow(),
                        Decision.parse(rs.getString(3)).orElse(Decision.PUBLISHED),
                        rs.getString(4),
                        Timestamps.parse(rs.getString(5)).orElseThrow()))
                .list();
    }

    /**
     * Runs {@code select} (with one {@code %s} where the {@code IN} list goes) for the values 500 at a time, the
     * most bound parameters every supported database takes, handing each row to {@code rows}.
     */
    private void forEachIn(
            String select, Collection<String> values, org.springframework.jdbc.core.RowCallbackHandler rows) {
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            template.query(
                    select.formatted(String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))),
                    rows,
                    chunk.toArray());
        }
    }

    private Stored map(ResultSet rs) throws SQLException {
        String key = rs.getString("record_key");
        SourceId id = SourceId.fromKey(key).orElseThrow(() -> new IllegalStateException("bad record key " + key));
        int year = rs.getInt("year");
        Integer y = rs.wasNull() ? null : year;
        String date = rs.getString("record_date");
        String arxiv = rs.getString("arxiv_id");
        SourceRecord r = new SourceRecord(
                Source.parse(rs.getString("source")).orElseThrow(),
                id,
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("abstract"),
                json.readValue(rs.getString("authors"), AUTHORS),
                rs.getString("venue"),
                rs.getString("venue_name"),
                Decision.parse(rs.getString("decision")).orElse(Decision.PREPRINT),
                y,
                date == null ? null : LocalDate.parse(date),
                rs.getString("doi"),
                rs.getString("published_doi"),
                rs.getString("pdf_url"),
                rs.getString("license"),
                json.readValue(rs.getString("categories"), STRINGS),
                arxiv == null ? null : new ArxivId(arxiv, 0));
        return new Stored(r, rs.getString("paper_id"), rs.getString("match_reason"));
    }

    private static void nullable(java.sql.PreparedStatement ps, int i, @Nullable String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }
}
