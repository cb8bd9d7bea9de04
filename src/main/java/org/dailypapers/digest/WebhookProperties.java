package org.dailypapers.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.webhooks.*}.
 *
 * @param allowPrivateNetworks let webhook URLs reach loopback, private, link-local and other non-public addresses;
 *     off by default, because a webhook URL is a request this server makes on a reader's behalf (SSRF)
 * @param cron when new papers are planned for webhooks ({@code -} turns the schedule off)
 * @param retryInterval how often a running server sends deliveries that are due for a retry
 * @param timeout connect and answer time-out of one delivery; must stay well below {@code lease}
 * @param lease how long an instance owns a delivery it is sending
 * @param retryBackoff wait before the first retry after a 5xx, 429 or time-out; doubles with each attempt
 * @param maxAttempts attempts before a delivery is recorded as failed
 * @param clientErrorLimit consecutive 4xx answers (other than 429) that disable a webhook; a 410 disables at once
 * @param maxPerReader webhooks one reader may register
 */
@ConfigurationProperties("dailypapers.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("0 10 * * * *") String cron,
        @DefaultValue("PT1M") Duration retryInterval,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("PT1M") Duration retryBackoff,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("3") int clientErrorLimit,
        @DefaultValue("10") int maxPerReader) {}
