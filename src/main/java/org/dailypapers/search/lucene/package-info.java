/**
 * The embedded backend: the Lucene index under {@code <home>/index} (keyword fields and the HNSW vector graph), the
 * search-box syntax, the engine that answers searches over it and the indexer that keeps it in step with the
 * catalog. Internal to the search module.
 */
@NullMarked
package org.dailypapers.search.lucene;

import org.jspecify.annotations.NullMarked;
