/**
 * Cross-cutting pieces every module may use: configuration properties of the instance (home folder, public base
 * URL) and the UTC timestamp format shared by the database and the JSON API.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.dailypapers.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
