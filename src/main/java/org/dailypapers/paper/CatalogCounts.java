package org.dailypapers.paper;

/** Sizes of the catalog, as {@code stats} prints them. */
public record CatalogCounts(long papers, long dailyEntries) {}
