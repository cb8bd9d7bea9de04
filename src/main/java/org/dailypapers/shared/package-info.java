/**
 * Cross-cutting pieces every module may use: configuration properties of the instance (home folder, public base
 * URL) and the UTC timestamp format shared by the database and the JSON API.
 *
 * <p>Also what makes several instances on one database one site (docs/deploy.md), one mechanism each for every
 * module: {@link org.dailypapers.shared.RateLimits} (Bucket4j buckets in {@code rate_limit_bucket}), ShedLock for
 * scheduled work ({@code @SchedulerLock} on {@code @Scheduled} methods, {@link org.dailypapers.shared.FleetLocks}
 * elsewhere; table {@code shedlock}), {@link org.dailypapers.shared.SiteSecrets} ({@code site_secret}) and
 * {@link org.dailypapers.shared.StartupTasks} for readiness. HTTP sessions are Spring Session JDBC's. Migrations
 * V50–V59.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.dailypapers.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
