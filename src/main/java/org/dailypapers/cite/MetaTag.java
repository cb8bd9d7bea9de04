package org.dailypapers.cite;

/** One {@code <meta name="..." content="...">} of a page's head. */
public record MetaTag(String name, String content) {}
