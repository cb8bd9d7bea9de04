package org.dailypapers.search;

/** How many hits have one value of a facet (a category, a year). */
public record FacetCount(String value, long count) {}
