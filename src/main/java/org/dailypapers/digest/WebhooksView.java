package org.dailypapers.digest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The model of {@code /settings/webhooks}. Public only for the precompiled template.
 *
 * @param created the id of the webhook just added, or null
 */
public record WebhooksView(
        List<Webhook> webhooks,
        boolean admin,
        String shape,
        String url,
        @Nullable String error,
        @Nullable String created) {}
