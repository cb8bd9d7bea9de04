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
        Instant stored = parseStored(t);
        if (stored != null) {
            return Optional.of(stored);
        }
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

    /**
     * The form {@link #format} writes, read digit by digit: every paper read from the catalog has two, and
     * {@link Instant#parse} was a twentieth of a search index rebuild's time (JFR, decision 0011). Null for any other
     * form, which the general parsers then read.
     */
    private static @Nullable Instant parseStored(String t) {
        if (t.length() != 24
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || t.charAt(19) != '.'
                || t.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int millis = digits(t, 20, 23);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || millis < 0) {
            return null;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** The decimal number in {@code t[from, to)}, or -1 when a character is no digit. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static @Nullable Instant parseNullable(@Nullable String text) {
        return parse(text).orElse(null);
    }
}
