package org.dailypapers.paper;

/** A paper as of its last change, and the change number the search index resumes from. */
public record CatalogChange(Paper paper, long seq) {}
