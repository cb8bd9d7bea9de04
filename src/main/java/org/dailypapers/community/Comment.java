package org.dailypapers.community;

import java.time.Instant;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.jspecify.annotations.Nullable;

/**
 * A comment with its replies (one level: replies have none).
 *
 * @param html the sanitised rendering of {@code markdown}; both empty for deleted comments and, except for admins,
 *     hidden ones, which stay in the thread only while they have replies
 */
public record Comment(
        long id,
        ArxivId paperId,
        @Nullable Long parentId,
        CommentAuthor author,
        String markdown,
        String html,
        Instant createdAt,
        @Nullable Instant editedAt,
        boolean hidden,
        boolean deleted,
        List<Comment> replies) {

    public boolean removed() {
        return hidden || deleted;
    }
}
