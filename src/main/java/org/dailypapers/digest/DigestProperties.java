package org.dailypapers.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dailypapers.digest.*}.
 *
 * @param secret key that signs links; empty means one generated and kept in the home folder
 * @param cron when planned digests go out ({@code -} turns the schedule off)
 * @param from sender address of every mail
 * @param confirmationValidity how long a confirmation link works
 * @param linkValidity how long the unsubscribe and preference links of a mail work
 * @param lease how long an instance owns a mail it is sending; must exceed the SMTP time-outs
 * @param retryBackoff wait before the first retry; doubles with each failed attempt
 * @param maxAttempts attempts before a mail is recorded as failed
 * @param retryInterval how often a running server looks for mails due for a retry
 * @param subscribesPerIpPerHour subscribe requests one client address may make in an hour
 * @param subscribesPerAddressPerDay confirmation mails one email address may receive in a day
 */
@ConfigurationProperties("dailypapers.digest")
record DigestProperties(
        @DefaultValue("") String secret,
        @DefaultValue("0 0 7 * * *") String cron,
        @DefaultValue("dailypapers@localhost") String from,
        @DefaultValue("P2D") Duration confirmationValidity,
        @DefaultValue("P180D") Duration linkValidity,
        @DefaultValue("PT10M") Duration lease,
        @DefaultValue("PT1M") Duration retryBackoff,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration retryInterval,
        @DefaultValue("10") int subscribesPerIpPerHour,
        @DefaultValue("3") int subscribesPerAddressPerDay) {}
