package org.dailypapers.shared;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the work {@code serve} does after the context has started (loading the demo data into an empty catalog)
 * is over. Until it is, the instance reports OUT_OF_SERVICE on {@code /actuator/health/readiness}, so that a proxy
 * sends it no reader who would see an empty site.
 */
@Component
public class StartupTasks {

    private final AtomicBoolean pending;

    StartupTasks(@Value("${dailypapers.serve.startup-tasks:false}") boolean pending) {
        this.pending = new AtomicBoolean(pending);
    }

    public void done() {
        pending.set(false);
    }

    public boolean pending() {
        return pending.get();
    }
}
