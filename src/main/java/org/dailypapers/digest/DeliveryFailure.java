package org.dailypapers.digest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A digest that could not be delivered and will not be retried, for admins to look at. */
public record DeliveryFailure(
        String recipient, String period, int attempts, @Nullable Instant failedAt, String error) {}
