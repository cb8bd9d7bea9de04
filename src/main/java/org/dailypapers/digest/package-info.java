/**
 * Email digests: subscriptions with double opt-in, composition of trending, "for you" and saved-search sections, and
 * delivery through an outbox that sends each (subscription, period) at most once. Other modules see
 * {@link org.dailypapers.digest.DigestService} (sending, for the CLI and the scheduler) and
 * {@link org.dailypapers.digest.InterestSource}, which the community module implements to feed "for you".
 */
@ApplicationModule(allowedDependencies = {"paper", "search", "shared"})
@NullMarked
package org.dailypapers.digest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
