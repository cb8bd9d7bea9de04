package org.dailypapers.community;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The clock for submission ages and "today": the system clock unless the context has a {@link Clock} bean, which
 * tests use to replay recorded arXiv responses as if they were new.
 */
@Component
class CommunityClock {

    private final Clock clock;

    CommunityClock(ObjectProvider<Clock> clocks) {
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    Clock clock() {
        return clock;
    }
}
