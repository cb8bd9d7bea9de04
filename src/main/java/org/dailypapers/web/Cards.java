package org.dailypapers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dailypapers.cite.Citations;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.Paper;
import org.dailypapers.summary.PaperSummary;
import org.jspecify.annotations.Nullable;

/** Builds cards from catalog records. */
final class Cards {

    /** Long enough for three or four lines on a wide card; the paper page shows the whole abstract. */
    static final int SUMMARY_CHARS = 420;

    private static final int SHOWN_AUTHORS = 3;
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private Cards() {}

    static PaperCard of(DailyPaper dp) {
        return of(dp.paper(), dp.entry(), null, null);
    }

    /**
     * @param titleHtml highlighted title from the search module (already safe HTML), or null
     * @param snippetHtml highlighted passage from the search module (already safe HTML), or null
     */
    static PaperCard of(Paper p, @Nullable DailyEntry e, @Nullable String titleHtml, @Nullable String snippetHtml) {
        LocalDate date = dateOf(p, e);
        DailyEntry.Organization org = e == null ? null : e.organization();
        return new PaperCard(
                p.id().id(),
                p.title(),
                titleHtml,
                shorten(p.abstractText(), SUMMARY_CHARS),
                snippetHtml,
                p.authors().size(),
                p.authors().stream().limit(SHOWN_AUTHORS).toList(),
                date == null ? "" : dateLabel(date, LocalDate.now(ZoneOffset.UTC)),
                date == null ? null : date.toString(),
                p.upvotes(),
                e == null ? 0 : e.numComments(),
                org == null ? null : org.name(),
                org == null ? null : (org.fullname() == null || org.fullname().isBlank() ? org.name() : org.fullname()),
                p.githubRepo().orElse(null),
                p.primaryCategory().orElse(null),
                false,
                Citations.coins(p),
                PaperSummary.NONE,
                List.of());
    }

    /** The day it was on Daily Papers, else its arXiv submission day. */
    static @Nullable LocalDate dateOf(Paper p, @Nullable DailyEntry e) {
        if (e != null) {
            return e.day();
        }
        Instant published = p.publishedAt();
        return published == null ? null : published.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String dateLabel(LocalDate date, LocalDate today) {
        return (date.getYear() == today.getYear() ? SAME_YEAR : OTHER_YEAR).format(date);
    }

    /** Cuts at a word boundary so that a card never ends inside a word. */
    static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
