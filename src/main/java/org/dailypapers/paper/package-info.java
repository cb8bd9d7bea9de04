/**
 * The paper catalog: arXiv identifiers, papers with their metadata and links, and the Daily Papers entries that put
 * a paper on a day's feed. Owns the {@code paper} and {@code daily_entry} tables. Other modules read and write only
 * through {@link org.dailypapers.paper.PaperCatalog} and listen to {@link org.dailypapers.paper.PapersChanged}.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.dailypapers.paper;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
