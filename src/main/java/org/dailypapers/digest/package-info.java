/**
 * Email digests: subscriptions with double opt-in, composition of trending, "for you" and saved-search sections, and
 * delivery through an outbox that sends each (subscription, period) at most once. Other modules see
 * {@link org.dailypapers.digest.DigestService} (sending, for the CLI and the scheduler);
 * the "For you" section comes from the follow module's {@link org.dailypapers.follow.ForYou} (the same ranking as the
 * {@code /for-you} page). Webhooks (Slack, Discord, signed JSON) go through the same outbox mechanism as mail.
 */
@ApplicationModule(allowedDependencies = {"account", "follow", "paper", "search", "shared"})
@NullMarked
package org.dailypapers.digest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
