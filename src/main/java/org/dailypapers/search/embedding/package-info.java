/**
 * Embeddings: the in-process bge-small embedder (ONNX Runtime, a rewritten graph), the {@code search_vector} table
 * that keeps every paper's vector, and the evaluation's vector cache. Internal to the search module; every backend
 * uses it.
 */
@NullMarked
package org.dailypapers.search.embedding;

import org.jspecify.annotations.NullMarked;
