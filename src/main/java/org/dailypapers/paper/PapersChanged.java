package org.dailypapers.paper;

import java.util.List;

/** Published after a committed upsert changed papers or daily entries; the search index listens. */
public record PapersChanged(List<ArxivId> ids) {}
