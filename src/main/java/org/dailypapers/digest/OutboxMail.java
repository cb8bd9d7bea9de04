package org.dailypapers.digest;

/** A composed mail in the outbox. {@code unsubscribeUrl} is empty for a preview sent to an address without subscription. */
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
