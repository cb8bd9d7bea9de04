package org.dailypapers.community;

import java.time.Instant;

/** A user's list of papers; public ones have a page and an Atom feed anyone can read. */
public record PaperCollection(
        long id,
        long ownerId,
        String ownerHandle,
        String title,
        String description,
        boolean isPublic,
        Instant updatedAt,
        int size) {}
