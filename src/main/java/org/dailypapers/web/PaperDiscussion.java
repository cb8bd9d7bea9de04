package org.dailypapers.web;

import java.util.List;
import org.dailypapers.cite.PaperMarkdown;
import org.dailypapers.community.Comment;
import org.dailypapers.community.Comments;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where a paper's comments are. A daily entry's count is what Hugging Face reported at import plus the comments
 * posted here (the community module adds each one to it), so the comments on Hugging Face are the difference: they
 * are shown as a count linking there, never as if they were part of the thread here.
 */
@Component
class PaperDiscussion {

    private final ObjectProvider<Comments> comments;

    PaperDiscussion(ObjectProvider<Comments> comments) {
        this.comments = comments;
    }

    /** @param here visible comments and replies of the thread on this instance */
    record Counts(int here, int huggingFace, String huggingFaceUrl) {}

    List<Comment> thread(ArxivId id) {
        Comments service = comments.getIfAvailable();
        return service == null ? List.of() : service.thread(id, false);
    }

    static Counts counts(ArxivId id, @Nullable DailyEntry entry, List<Comment> thread) {
        int here = 0;
        for (Comment c : thread) {
            here += (c.removed() ? 0 : 1)
                    + (int) c.replies().stream().filter(r -> !r.removed()).count();
        }
        int total = entry == null ? 0 : entry.numComments();
        return new Counts(here, Math.max(0, total - here), huggingFaceUrl(id));
    }

    static String huggingFaceUrl(ArxivId id) {
        return "https://huggingface.co/papers/" + id.id();
    }

    static PaperMarkdown.Discussion forMarkdown(ArxivId id, @Nullable DailyEntry entry, List<Comment> thread) {
        Counts counts = counts(id, entry, thread);
        return new PaperMarkdown.Discussion(
                counts.huggingFace(),
                counts.huggingFaceUrl(),
                thread.stream()
                        .filter(c -> !c.removed() || !c.replies().isEmpty())
                        .map(PaperDiscussion::markdown)
                        .toList());
    }

    private static PaperMarkdown.Comment markdown(Comment c) {
        return new PaperMarkdown.Comment(
                c.removed()
                        ? "(removed)"
                        : c.author().displayName() + " (@" + c.author().handle() + ")",
                c.createdAt(),
                c.removed() ? "(This comment was removed.)" : c.markdown(),
                c.replies().stream()
                        .filter(r -> !r.removed())
                        .map(PaperDiscussion::markdown)
                        .toList());
    }
}
