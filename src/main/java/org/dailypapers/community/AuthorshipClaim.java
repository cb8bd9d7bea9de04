package org.dailypapers.community;

import java.time.Instant;
import org.dailypapers.paper.ArxivId;

/** A user's claim to be one of a paper's authors; an admin confirms or rejects it. */
public record AuthorshipClaim(
        long userId,
        String handle,
        String displayName,
        ArxivId paperId,
        String authorName,
        Status status,
        Instant createdAt) {

    public enum Status {
        PENDING,
        CONFIRMED,
        REJECTED
    }
}
