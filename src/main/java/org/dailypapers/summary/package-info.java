/**
 * Keywords and one-sentence summaries of papers, computed here with the bundled embedder (issue 14): KeyBERT-style
 * key phrases diversified by maximal marginal relevance, and the abstract sentence that best represents the paper.
 * Hugging Face's own {@code ai_summary} and {@code ai_keywords}, where an import brought them, are kept beside ours
 * and shown in their place. Other modules see {@link org.dailypapers.summary.PaperSummaries} and its records, and
 * the command-facing {@link org.dailypapers.summary.SummaryEvaluation}.
 *
 * <p>Owns the {@code paper_summary} and {@code summary_progress} tables (migration V4). A background worker follows
 * the catalog's change numbers behind the embedding backfill, reusing each paper's stored vector, so a restart
 * resumes where it stopped and an edited abstract is summarised again.
 */
@NullMarked
package org.dailypapers.summary;

import org.jspecify.annotations.NullMarked;
