package org.dailypapers.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the community API. */
final class CommunityJson {

    private CommunityJson() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String error, @Nullable String parameter) {}

    record Upvote(String id, boolean upvoted, int upvotes, boolean changed) {

        static Upvote of(UpvoteState s) {
            return new Upvote(s.paperId().id(), s.upvoted(), s.upvotes(), s.changed());
        }
    }

    record Author(String name, String fullname) {}

    /** A comment: {@code html} is sanitised and safe to insert into a page; removed comments carry no text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommentJson(
            long id,
            String paperId,
            @Nullable Long parentId,
            Author author,
            @Nullable String markdown,
            @Nullable String html,
            String createdAt,
            @Nullable String editedAt,
            boolean hidden,
            boolean deleted,
            @Nullable List<CommentJson> replies) {

        static CommentJson of(Comment c) {
            return new CommentJson(
                    c.id(),
                    c.paperId().id(),
                    c.parentId(),
                    new Author(c.author().handle(), c.author().displayName()),
                    c.deleted() ? null : c.markdown(),
                    c.deleted() ? null : c.html(),
                    Timestamps.format(c.createdAt()),
                    Timestamps.formatNullable(c.editedAt()),
                    c.hidden(),
                    c.deleted(),
                    c.parentId() == null
                            ? c.replies().stream().map(CommentJson::of).toList()
                            : null);
        }
    }

    record Thread(String paperId, int numComments, List<CommentJson> comments) {}

    record NewComment(@Nullable String body, @Nullable Long parentId) {}

    record EditComment(@Nullable String body) {}

    record Submit(@Nullable String id, @Nullable String url) {}

    record Submitted(String id, String day, String title, String paperUrl) {}
}
