package org.dailypapers.follow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.shared.ApiError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/follows} and {@code /api/for-you}, with an API token ({@code Authorization: Bearer ...}). Errors are
 * {@code {"error": ..., "parameter": ...}} like the rest of the API.
 */
@RestController
class FollowApiController {

    private static final int MAX_LIMIT = 100;

    private final Follows follows;
    private final ForYou forYou;

    FollowApiController(Follows follows, ForYou forYou) {
        this.follows = follows;
        this.forYou = forYou;
    }

    /** A follow as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FollowJson(
            String id,
            String kind,
            String target,
            List<String> include,
            List<String> exclude,
            String url,
            String createdAt) {
        static FollowJson of(Follow f) {
            return new FollowJson(
                    Long.toString(f.id()),
                    f.kind().apiName(),
                    f.target(),
                    f.include(),
                    f.exclude(),
                    f.href(),
                    org.dailypapers.shared.Timestamps.format(f.createdAt()));
        }
    }

    /** {@code include}/{@code exclude}: a list of words, or one comma-separated string. */
    record NewFollow(
            @Nullable String kind, @Nullable String target, @Nullable Object include, @Nullable Object exclude) {}

    record ReasonJson(String kind, String text, @Nullable String url) {}

    record RecommendationJson(
            String id, String title, List<String> authors, String url, double score, List<ReasonJson> reasons) {}

    record ForYouJson(int days, List<RecommendationJson> papers) {}

    record NotInterestedJson(@Nullable String id) {}

    @GetMapping("/api/follows")
    ResponseEntity<?> list(@AuthenticationPrincipal @Nullable AccountPrincipal reader) {
        if (reader == null) {
            return unauthorized();
        }
        return ResponseEntity.ok(
                follows.list(reader.id()).stream().map(FollowJson::of).toList());
    }

    @PostMapping("/api/follows")
    ResponseEntity<FollowJson> follow(
            @AuthenticationPrincipal AccountPrincipal reader, @RequestBody(required = false) @Nullable NewFollow body) {
        if (body == null) {
            throw new FollowException("kind", "send a JSON body: {\"kind\": \"category\", \"target\": \"cs.CL\"}");
        }
        boolean existed = Follow.Kind.parse(body.kind() == null ? "" : body.kind())
                .flatMap(k -> follows.find(reader.id(), k, body.target() == null ? "" : body.target()))
                .isPresent();
        Follow f = follows.follow(
                reader.id(),
                new Follows.Request(
                        body.kind() == null ? "" : body.kind(),
                        body.target() == null ? "" : body.target(),
                        words("include", body.include()),
                        words("exclude", body.exclude())));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(FollowJson.of(f));
    }

    private static String words(String field, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
            return String.join("\n", list.stream().map(String.class::cast).toList());
        }
        throw new FollowException(field, field + " must be a list of words or one comma-separated string");
    }

    @DeleteMapping("/api/follows/{id}")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal AccountPrincipal reader, @PathVariable String id) {
        long followId;
        try {
            followId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new FollowException("id", "id must be the number the follow was given");
        }
        return follows.unfollow(reader.id(), followId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** The same by what is followed: {@code DELETE /api/follows?kind=category&target=cs.CL}. */
    @DeleteMapping("/api/follows")
    ResponseEntity<Void> unfollowTarget(
            @AuthenticationPrincipal AccountPrincipal reader, @RequestParam String kind, @RequestParam String target) {
        Follow.Kind k = Follow.Kind.parse(kind)
                .orElseThrow(() -> new FollowException(
                        "kind", "kind must be author, claimed-author, organization, category or search"));
        String t = k == Follow.Kind.CLAIMED_AUTHOR && target.startsWith("@") ? target.substring(1) : target;
        return follows.unfollow(reader.id(), k, t)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/api/for-you")
    ResponseEntity<?> forYou(
            @AuthenticationPrincipal @Nullable AccountPrincipal reader,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(defaultValue = "20") int limit) {
        if (reader == null) {
            return unauthorized();
        }
        int d = days == null ? forYou.defaultDays() : days;
        if (d < 1 || d > forYou.maxDays()) {
            throw new FollowException("days", "days must be from 1 to " + forYou.maxDays());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FollowException("limit", "limit must be from 1 to " + MAX_LIMIT);
        }
        List<RecommendationJson> papers = forYou.forReader(reader, d, limit).stream()
                .map(r -> new RecommendationJson(
                        r.paper().id().id(),
                        r.paper().title(),
                        r.paper().authors(),
                        "/papers/" + r.paper().id().id(),
                        Math.round(r.score() * 10_000) / 10_000.0,
                        r.reasons().stream()
                                .map(x -> new ReasonJson(x.kind().apiName(), x.text(), x.href()))
                                .toList()))
                .toList();
        return ResponseEntity.ok(new ForYouJson(d, papers));
    }

    @PostMapping("/api/for-you/not-interested")
    ResponseEntity<Void> notInterested(
            @AuthenticationPrincipal AccountPrincipal reader,
            @RequestBody(required = false) @Nullable NotInterestedJson body) {
        if (body == null || body.id() == null) {
            throw new FollowException("id", "send {\"id\": \"2501.01234\"}");
        }
        forYou.notInterested(reader.id(), ForYouController.parseId(body.id()));
        return ResponseEntity.noContent().build();
    }

    /** The undo. */
    @DeleteMapping("/api/for-you/not-interested/{id}")
    ResponseEntity<Void> undo(@AuthenticationPrincipal AccountPrincipal reader, @PathVariable String id) {
        ArxivId paper = ForYouController.parseId(id);
        return forYou.undoNotInterested(reader.id(), paper)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(FollowException.class)
    ResponseEntity<ApiError> invalid(FollowException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), e.field()));
    }

    /** GET routes of the API are public in the security rules; these need the reader's token all the same. */
    private static ResponseEntity<ApiError> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(new ApiError(
                        "Authentication required: send 'Authorization: Bearer <token>' with an API token from your"
                                + " profile page",
                        null));
    }
}
