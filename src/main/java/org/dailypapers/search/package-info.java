/**
 * Finding papers: the keyword (BM25) and vector (HNSW) index kept in step with the catalog, the in-process
 * embedder, hybrid fusion, similar papers and the relevance evaluation. Other modules see only
 * {@link org.dailypapers.search.SearchService} and its records; the Lucene implementation stays package-private so
 * that an Elasticsearch backend can replace it.
 */
@NullMarked
package org.dailypapers.search;

import org.jspecify.annotations.NullMarked;
