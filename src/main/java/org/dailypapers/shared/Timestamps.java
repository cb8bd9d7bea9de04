package org.dailypapers.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One textual form for instants everywhere (database columns, JSON API, export format): UTC with milliseconds and
 * a trailing {@code Z}, as Hugging Face serves them ({@code 2025-01-10T11:17:15.000Z}). Fixed width, so the text
 * sorts like the instant on SQLite and PostgreSQL alike.
 */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    public static @Nullable String formatNullable(@Nullable Instant instant) {
        return instant == null ? null : format(instant);
    }

    /** Parses ISO-8601 instants with or without offset or fraction, and plain dates (taken as midnight UTC). */
    public static Optional<Instant> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return Optional.of(
                        LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Optional.of(Instant.parse(t.toUpperCase()));
            }
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static @Nullable Instant parseNullable(@Nullable String text) {
        return parse(text).orElse(null);
    }
}
