/** Placeholder until this module's issue lands; see docs/architecture.md for what it will own. */
@NullMarked
package org.dailypapers.digest;

import org.jspecify.annotations.NullMarked;
