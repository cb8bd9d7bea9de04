package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void shouldReadTheStoredFormAsTheGeneralParserDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // 1970 to 2100, to the millisecond
            Instant instant = Instant.ofEpochMilli((long) (random.nextDouble() * 4_102_444_800_000L));
            String text = Timestamps.format(instant);
            assertThat(Timestamps.parse(text)).as(text).contains(Instant.parse(text));
            assertThat(Timestamps.parse(text)).as(text).contains(instant);
        }
    }

    @Test
    void shouldRefuseImpossibleDatesAndReadOtherForms() {
        assertThat(Timestamps.parse("2025-02-30T10:00:00.000Z")).isEmpty();
        assertThat(Timestamps.parse("2025-13-01T10:00:00.000Z")).isEmpty();
        assertThat(Timestamps.parse("2024-02-29T23:59:59.999Z")).contains(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThat(Timestamps.parse("2025-01-10T11:17:15Z")).contains(Instant.parse("2025-01-10T11:17:15Z"));
        assertThat(Timestamps.parse("2025-01-10T11:17:15.5+02:00")).contains(Instant.parse("2025-01-10T09:17:15.5Z"));
        assertThat(Timestamps.parse("2025-01-10")).contains(Instant.parse("2025-01-10T00:00:00Z"));
    }
}
