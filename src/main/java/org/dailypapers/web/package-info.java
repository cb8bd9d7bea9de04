/**
 * The server-rendered site: the daily feed by day, week and month, trending, paper pages, the search page,
 * category, organisation and author pages, the API docs page and the error pages. Templates live in
 * {@code src/main/jte} and are precompiled at build time; htmx only enhances pages that work without JavaScript.
 *
 * <p>The view records ({@link org.dailypapers.web.PaperCard}, {@link org.dailypapers.web.PageMeta}, ...) are public
 * only because precompiled JTE templates live in their own package and must reach them; other modules have no use
 * for them except {@link org.dailypapers.web.SearchForm}, which the feed module reads so that a search feed takes
 * exactly the search page's parameters.
 *
 * <p>Pages read the signed-in reader from {@code account}'s {@link org.dailypapers.account.PageContext} and mark
 * the reader's upvotes through {@code community}'s {@link org.dailypapers.community.Upvotes}; voting itself is the
 * community's form and POST handler. Neither module depends on this one, and pages render without the community
 * module as plain counts.
 *
 * <p>The named interface {@code links} ({@link org.dailypapers.web.Paths}, {@link org.dailypapers.web.SearchForm}) is
 * what the feed module uses: feed links point at the site's pages, and a search feed takes exactly the search page's
 * parameters.
 */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "api :: parameters",
            "cite",
            "community",
            "paper",
            "search",
            "shared",
            "summary"
        })
@NullMarked
package org.dailypapers.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
