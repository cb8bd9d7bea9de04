package org.dailypapers.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What is known about an API token after its creation: its name and first characters, never the token. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {}
