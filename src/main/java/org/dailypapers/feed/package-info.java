/**
 * Atom 1.0 feeds (written with Rome) of every list the site shows: the daily feed, trending, any search (with the
 * search page's parameters), a category, an organisation and an author. Feed and entry links point at this
 * instance's pages under {@code dailypapers.base-url}; entry ids are the papers' arXiv addresses, so the same paper
 * keeps its id in every feed and on every instance.
 */
@ApplicationModule(allowedDependencies = {"account", "paper", "search", "shared", "summary", "web :: links"})
@NullMarked
package org.dailypapers.feed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
