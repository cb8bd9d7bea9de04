package org.dailypapers.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A day, ISO week or month of the daily feed, read from the API's {@code date}, {@code week} or {@code month}. */
@NamedInterface("parameters")
public record FeedWindow(LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /**
     * Exactly one of the three may be given; none means "the given default day". An empty parameter ({@code month=},
     * as a form with an empty field sends it) counts as absent.
     */
    public static FeedWindow parse(
            @Nullable String date, @Nullable String week, @Nullable String month, LocalDate defaultDay) {
        date = blankToNull(date);
        week = blankToNull(week);
        month = blankToNull(month);
        int given = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
        if (given > 1) {
            String param = date != null ? "date" : "week";
            throw new BadParameterException(param, "Give only one of 'date', 'week' and 'month'");
        }
        if (date != null) {
            return day(date);
        }
        if (week != null) {
            return week(week);
        }
        if (month != null) {
            return month(month);
        }
        return new FeedWindow(defaultDay, defaultDay);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static FeedWindow day(String date) {
        try {
            LocalDate d = LocalDate.parse(date.trim());
            return new FeedWindow(d, d);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    "date", "Invalid parameter 'date': expected YYYY-MM-DD, got '" + date + "'");
        }
    }

    public static FeedWindow week(String week) {
        Matcher m = WEEK.matcher(week.trim());
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int number = Integer.parseInt(m.group(2));
            LocalDate mid = LocalDate.of(year, 6, 1);
            if (number >= 1
                    && number <= mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                LocalDate monday = mid.with(IsoFields.WEEK_BASED_YEAR, year)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                        .with(DayOfWeek.MONDAY);
                return new FeedWindow(monday, monday.plusDays(6));
            }
        }
        throw new BadParameterException(
                "week", "Invalid parameter 'week': expected YYYY-Www (ISO week), got '" + week + "'");
    }

    public static FeedWindow month(String month) {
        try {
            YearMonth ym = YearMonth.parse(month.trim());
            return new FeedWindow(ym.atDay(1), ym.atEndOfMonth());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    "month", "Invalid parameter 'month': expected YYYY-MM, got '" + month + "'");
        }
    }
}
