package org.dailypapers.community;

import java.util.List;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.ClientError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API (bearer token, see the account module's security rules) and the public comment API. Errors are
 * {@code {"error": ..., "parameter": ...}} like the rest of the API.
 */
@RestController
class CommunityApiController {

    private final Upvotes upvotes;
    private final Comments comments;
    private final Submissions submissions;
    private final PaperCatalog catalog;

    CommunityApiController(Upvotes upvotes, Comments comments, Submissions submissions, PaperCatalog catalog) {
        this.upvotes = upvotes;
        this.comments = comments;
        this.submissions = submissions;
        this.catalog = catalog;
    }

    @PostMapping("/api/papers/{id}/upvote")
    CommunityJson.Upvote upvote(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return CommunityJson.Upvote.of(upvotes.upvote(user.id(), parse(id)));
    }

    @DeleteMapping("/api/papers/{id}/upvote")
    CommunityJson.Upvote removeUpvote(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return CommunityJson.Upvote.of(upvotes.remove(user.id(), parse(id)));
    }

    @GetMapping("/api/papers/{id}/comments")
    CommunityJson.Thread comments(@PathVariable String id) {
        ArxivId paperId = parse(id);
        if (catalog.find(paperId).isEmpty()) {
            throw new UnknownPaperException(paperId.id());
        }
        List<Comment> thread = comments.thread(paperId, false);
        int count = (int) thread.stream()
                .mapToLong(c -> (c.removed() ? 0 : 1)
                        + c.replies().stream().filter(r -> !r.removed()).count())
                .sum();
        return new CommunityJson.Thread(
                paperId.id(),
                count,
                thread.stream().map(CommunityJson.CommentJson::of).toList());
    }

    @PostMapping("/api/papers/{id}/comments")
    ResponseEntity<CommunityJson.CommentJson> comment(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String id,
            @RequestBody CommunityJson.NewComment body) {
        Comment c = comments.post(user, parse(id), body.parentId(), body.body() == null ? "" : body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(CommunityJson.CommentJson.of(c));
    }

    // Old-style ids (math/0309136) span two path segments; these routes hand them to the ones above.

    @PostMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH + "/upvote")
    CommunityJson.Upvote upvoteOldStyle(
            @AuthenticationPrincipal AccountPrincipal user, @PathVariable String archive, @PathVariable String number) {
        return upvote(user, archive + "/" + number);
    }

    @DeleteMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH + "/upvote")
    CommunityJson.Upvote removeUpvoteOldStyle(
            @AuthenticationPrincipal AccountPrincipal user, @PathVariable String archive, @PathVariable String number) {
        return removeUpvote(user, archive + "/" + number);
    }

    @GetMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH + "/comments")
    CommunityJson.Thread commentsOldStyle(@PathVariable String archive, @PathVariable String number) {
        return comments(archive + "/" + number);
    }

    @PostMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH + "/comments")
    ResponseEntity<CommunityJson.CommentJson> commentOldStyle(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String archive,
            @PathVariable String number,
            @RequestBody CommunityJson.NewComment body) {
        return comment(user, archive + "/" + number, body);
    }

    @PatchMapping("/api/comments/{commentId}")
    CommunityJson.CommentJson editComment(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long commentId,
            @RequestBody CommunityJson.EditComment body) {
        return CommunityJson.CommentJson.of(comments.edit(user, commentId, body.body() == null ? "" : body.body()));
    }

    @DeleteMapping("/api/comments/{commentId}")
    ResponseEntity<Void> deleteComment(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long commentId) {
        comments.delete(user, commentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/papers/submit")
    ResponseEntity<CommunityJson.Submitted> submit(
            @AuthenticationPrincipal AccountPrincipal user, @RequestBody CommunityJson.Submit body) {
        String input = body.id() != null ? body.id() : body.url();
        Submissions.Submitted s = submissions.submit(user, input == null ? "" : input);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CommunityJson.Submitted(
                        s.paper().id().id(),
                        s.day().toString(),
                        s.paper().title(),
                        "/papers/" + s.paper().id().id()));
    }

    static ArxivId parse(String raw) {
        return ArxivId.parse(raw)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.INVALID, "id", "Invalid arXiv id: '" + raw + "'"));
    }

    @ExceptionHandler(CommunityException.class)
    ResponseEntity<CommunityJson.Error> failed(CommunityException e) {
        return ResponseEntity.status(e.kind().status()).body(new CommunityJson.Error(e.getMessage(), e.field()));
    }

    @ExceptionHandler(UnknownPaperException.class)
    ResponseEntity<CommunityJson.Error> unknownPaper(UnknownPaperException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new CommunityJson.Error(e.getMessage(), "id"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<CommunityJson.Error> unreadable(HttpMessageNotReadableException e) {
        // names the field and the type it needs, as every JSON answer of the API does
        ClientError error = ClientError.describe(e, 400);
        return ResponseEntity.status(error.status()).body(new CommunityJson.Error(error.message(), error.parameter()));
    }
}
