/**
 * Relevance evaluation on BEIR data sets and the search benchmark, run by the {@code eval} and {@code bench}
 * commands: a named interface of the search module for the command line.
 */
@NullMarked
@NamedInterface("evaluation")
package org.dailypapers.search.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
