/**
 * What every backend shares: the indexed form of a paper, the search settings and the fusion of keyword and vector
 * lists. Internal to the search module.
 */
@NullMarked
package org.dailypapers.search.core;

import org.jspecify.annotations.NullMarked;
