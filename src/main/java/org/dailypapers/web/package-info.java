/** Placeholder until this module's issue lands; see docs/architecture.md for what it will own. */
@NullMarked
package org.dailypapers.web;

import org.jspecify.annotations.NullMarked;
