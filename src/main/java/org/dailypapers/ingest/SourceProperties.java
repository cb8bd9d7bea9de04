package org.dailypapers.ingest;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code dailypapers.sources.*}: where bioRxiv/medRxiv, the ACL Anthology and OpenReview are, how
 * politely to ask them, and what the daily harvest takes.
 *
 * @param biorxivBaseUrl the bioRxiv/medRxiv API; {@code /details/{server}/{from}/{until}/{cursor}} is appended
 * @param aclBaseUrl where the Anthology's collection files are; {@code /{collection}.xml} is appended
 * @param openreviewBaseUrl the OpenReview API v2; {@code /notes?...} is appended
 * @param requestInterval least time between two requests to one of these servers
 * @param harvestCron when the daily harvest of every configured source runs (Spring cron); {@code -} switches it off
 * @param biorxivServers the servers the daily harvest asks ({@code biorxiv}, {@code medrxiv})
 * @param aclCollections the Anthology collections the daily harvest reads again (corrections arrive all the time)
 * @param openreviewInvitations the OpenReview invitations the daily harvest reads, such as
 *     {@code ICLR.cc/2026/Conference/-/Submission}; a value starting {@code venueid:} filters by venue id instead
 * @param openreviewPageSize notes per OpenReview request (the API allows 1,000)
 */
@ConfigurationProperties("dailypapers.sources")
record SourceProperties(
        @DefaultValue("https://api.biorxiv.org") String biorxivBaseUrl,
        @DefaultValue("https://raw.githubusercontent.com/acl-org/acl-anthology/master/data/xml") String aclBaseUrl,
        @DefaultValue("https://api2.openreview.net") String openreviewBaseUrl,
        @DefaultValue("1s") Duration requestInterval,
        @DefaultValue("-") String harvestCron,
        @DefaultValue({"biorxiv", "medrxiv"}) List<String> biorxivServers,
        @DefaultValue({}) List<String> aclCollections,
        @DefaultValue({}) List<String> openreviewInvitations,
        @DefaultValue("1000") int openreviewPageSize,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10m") Duration maxRetryAfter,
        @DefaultValue("2m") Duration timeout,
        @DefaultValue("64MB") DataSize maxResponseSize) {}
