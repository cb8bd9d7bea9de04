package org.dailypapers;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DailyPapersApplication.class);

    @Test
    void shouldKeepModuleBoundaries() {
        modules.verify();
    }
}
