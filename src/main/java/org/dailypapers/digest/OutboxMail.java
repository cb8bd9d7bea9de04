package org.dailypapers.digest;

/** A composed mail in the outbox. */
record OutboxMail(
        String id,
        String subscriptionId,
        String period,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String unsubscribeUrl,
        int attempts) {}
