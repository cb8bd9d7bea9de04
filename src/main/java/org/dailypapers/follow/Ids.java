package org.dailypapers.follow;

import java.util.concurrent.ThreadLocalRandom;

/** Row ids as the community module makes them: time-ordered, below 2^53 so that JSON clients read them exactly. */
final class Ids {

    private Ids() {}

    static long next() {
        return (System.currentTimeMillis() << 12) | ThreadLocalRandom.current().nextInt(4096);
    }
}
