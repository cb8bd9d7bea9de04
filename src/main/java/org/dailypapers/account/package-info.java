/**
 * Users, log-in and API tokens, and the web security rules of the whole site (which paths are public, CSRF,
 * security headers).
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.dailypapers.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
