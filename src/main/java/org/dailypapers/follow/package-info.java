/**
 * Following and "For you": follows of authors (by name or by claimed author page), organisations, arXiv categories
 * and saved searches, with include and exclude keywords ({@code follow}); "not interested" marks
 * ({@code not_interested}); the private feed token of the page ({@code for_you_feed_token}); and the version alerts
 * ({@code paper_version_seen}, {@code paper_version_update}, migrations V33–V34), and beside them the venue alerts
 * (a decision or a published record of a followed or liked paper, read from the paper module's {@code venue_event}).
 *
 * <p>{@link org.dailypapers.follow.ForYou} is the one ranking of recent papers for a reader, with a reason per
 * paper; the {@code /for-you} page, its API and feed, the digest's "For you" section and {@code eval
 * --recommendations} all go through it. {@link org.dailypapers.follow.Follows} and
 * {@link org.dailypapers.follow.VersionUpdates} are the facades for the digest module (mail and webhooks);
 * {@link org.dailypapers.follow.InterestSource} is implemented by the community module, which this module does not
 * depend on.
 */
@NullMarked
package org.dailypapers.follow;

import org.jspecify.annotations.NullMarked;
