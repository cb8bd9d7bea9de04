/**
 * The scale-out backend: the papers' index in an Elasticsearch 9 cluster behind an alias, text sent pre-analysed
 * by the embedded index's analyzers, BM25 and kNN in one {@code _msearch} fused here by the shared fusion code, an
 * indexer that follows the catalog's change numbers under a database lease, and the cluster's health. Selected by
 * {@code dailypapers.search.backend=elasticsearch}; internal to the search module.
 */
@NullMarked
package org.dailypapers.search.elasticsearch;

import org.jspecify.annotations.NullMarked;
