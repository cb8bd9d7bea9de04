package org.dailypapers.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one generator of row ids the application makes (SQLite and PostgreSQL share no auto-increment syntax). Each id
 * is {@code max(last + 1, now in milliseconds << 12)}, computed and stored by one atomic {@code UPDATE ... RETURNING}
 * on a single row of {@code id_sequence}: the database serialises the updates, so ids never collide, not in a burst
 * within one millisecond nor across instances sharing the database, where the former 12 random bits per
 * millisecond did. Ids stay in creation order and below 2^53 (until the year 2039), so JavaScript clients of the JSON
 * API read them exactly.
 */
@Component
public class Ids {

    private static final String NEXT =
            "UPDATE id_sequence SET last_value = CASE WHEN last_value >= ? THEN last_value + 1"
                    + " ELSE ? END WHERE name = 'ids' RETURNING last_value";

    private final JdbcClient jdbc;

    Ids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new id, greater than every id made before. */
    public long next() {
        long floor = System.currentTimeMillis() << 12;
        return jdbc.sql(NEXT).params(floor, floor).query(Long.class).single();
    }
}
