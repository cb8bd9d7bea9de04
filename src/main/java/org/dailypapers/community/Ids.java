package org.dailypapers.community;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Row ids made by the application, because SQLite and PostgreSQL share no auto-increment syntax. Milliseconds in
 * the high bits keep ids in creation order; 12 random bits make collisions within one millisecond unlikely; the
 * result stays below 2^53 so that JavaScript clients of the JSON API read it exactly.
 */
final class Ids {

    private Ids() {}

    static long next() {
        return (System.currentTimeMillis() << 12) | ThreadLocalRandom.current().nextInt(4096);
    }
}
