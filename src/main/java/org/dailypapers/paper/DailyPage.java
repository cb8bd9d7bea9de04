package org.dailypapers.paper;

import java.util.List;

/** One page of a daily feed window and the size of the whole window. */
public record DailyPage(List<DailyPaper> items, long total) {}
