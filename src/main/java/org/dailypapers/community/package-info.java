/**
 * What users write: upvotes, comments, paper submissions, authorship claims, organisations and collections, with
 * their pages and JSON API. Strangers write into the database here, so every text is validated, rendered through
 * a sanitiser and rate limited; accounts and the security rules themselves live in {@code account}.
 */
@ApplicationModule(allowedDependencies = {"account", "cite", "digest", "follow", "ingest", "paper", "shared"})
@NullMarked
package org.dailypapers.community;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
