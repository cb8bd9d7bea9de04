package org.dailypapers.paper;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one paper of the catalog is found: arXiv, and the sources and venues of the records merged with it (see
 * {@link SourceRecords}). What search indexes for its {@code source=} and {@code venue=} filters and facets.
 *
 * @param sources every source of the paper, {@link Source#ARXIV} included (every paper of the catalog is an arXiv paper)
 * @param venues the venue keys of its records, lower case
 */
public record PaperSources(Set<Source> sources, Set<String> venues) {

    /** A paper with no other record than its arXiv one. */
    public static final PaperSources ARXIV_ONLY = new PaperSources(Set.of(Source.ARXIV), Set.of());

    public PaperSources {
        // sorted copies: the same paper gives the same document every time it is written
        sources = Collections.unmodifiableSet(new TreeSet<>(sources));
        venues = Collections.unmodifiableSet(new TreeSet<>(venues));
    }
}
