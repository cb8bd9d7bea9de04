package org.dailypapers.paper;

/** A daily entry together with its paper, as feeds, pages and the API show it. */
public record DailyPaper(DailyEntry entry, Paper paper) {}
