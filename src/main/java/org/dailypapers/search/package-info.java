/**
 * Finding papers: the keyword (BM25) and vector (HNSW) index kept in step with the catalog, the in-process
 * embedder, hybrid fusion, similar papers and the relevance evaluation. Other modules see only
 * {@link org.dailypapers.search.SearchService} and its records, plus the command-facing
 * {@link org.dailypapers.search.SearchMaintenance} and the named interface
 * {@code search.evaluation} ({@code eval}, {@code bench}). The parts are internal sub-packages: {@code lucene} (the
 * embedded backend), {@code embedding} (the embedder and stored vectors), {@code core} (what backends share) and
 * {@code evaluation}.
 *
 * <p>Owns the Lucene index under {@code <home>/index} (one writer per home: the server, or a command while no
 * server runs) and the {@code search_vector} table (migrations V10–V19), which keeps every paper's embedding so
 * that rebuilding the index never recomputes one.
 */
@ApplicationModule(allowedDependencies = {"paper", "shared"})
@NullMarked
package org.dailypapers.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
