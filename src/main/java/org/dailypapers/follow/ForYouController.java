package org.dailypapers.follow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.shared.DailyPapersProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /for-you} and {@code /follows}: the reader's page with "not interested" and its private feed, the follows
 * list, and the follow button that author, organisation, category and search pages load with htmx. Every action is
 * a plain form POST that works without JavaScript; htmx requests get the changed fragment instead of a redirect.
 */
@Controller
@ConditionalOnWebApplication
class ForYouController {

    static final int PAGE_SIZE = 50;
    private static final List<Integer> DAY_CHOICES = List.of(1, 3, 7, 14, 30);

    private final ForYou forYou;
    private final Follows follows;
    private final ObjectProvider<InterestSource> interests;
    private final DailyPapersProperties app;

    ForYouController(
            ForYou forYou, Follows follows, ObjectProvider<InterestSource> interests, DailyPapersProperties app) {
        this.forYou = forYou;
        this.follows = follows;
        this.interests = interests;
        this.app = app;
    }

    @GetMapping("/for-you")
    ModelAndView page(
            @AuthenticationPrincipal @Nullable AccountPrincipal reader,
            @RequestParam(required = false) @Nullable String days) {
        if (reader == null) {
            return new ModelAndView("redirect:/login");
        }
        return render(reader, parseDays(days), null);
    }

    private ModelAndView render(AccountPrincipal reader, int days, @Nullable String newFeedUrl) {
        List<Recommendation> ranked = forYou.forReader(reader, days, PAGE_SIZE);
        InterestSource source = interests.getIfAvailable();
        Set<ArxivId> upvoted = source == null
                ? Set.of()
                : new HashSet<>(source.upvotedAmong(
                        reader.id(), ranked.stream().map(r -> r.paper().id()).toList()));
        List<FollowViews.Card> cards = ranked.stream()
                .map(r -> FollowViews.Card.of(r, upvoted.contains(r.paper().id())))
                .toList();
        int likes = source == null ? 0 : source.likedPapers(reader.email()).size();
        FollowViews.ForYouPage view = new FollowViews.ForYouPage(
                cards,
                days,
                DAY_CHOICES,
                likes,
                follows.list(reader.id()).size(),
                forYou.hasFeedToken(reader.id()),
                newFeedUrl,
                forYou.notInterested(reader.id()).stream().map(ArxivId::id).toList());
        return new ModelAndView("follow/foryou", Map.of("view", view));
    }

    private int parseDays(@Nullable String days) {
        if (days == null || days.isBlank()) {
            return forYou.defaultDays();
        }
        try {
            int d = Integer.parseInt(days.strip());
            if (d >= 1 && d <= forYou.maxDays()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new FollowException("days", "days must be a whole number from 1 to " + forYou.maxDays());
    }

    @PostMapping("/for-you/not-interested")
    ModelAndView notInterested(
            @AuthenticationPrincipal AccountPrincipal reader, @RequestParam String id, HttpServletRequest request) {
        ArxivId paper = parseId(id);
        forYou.notInterested(reader.id(), paper);
        if (htmx(request)) {
            return new ModelAndView("follow/hidden", Map.of("id", paper.id()));
        }
        return new ModelAndView("redirect:/for-you");
    }

    @PostMapping("/for-you/not-interested/undo")
    ModelAndView undoNotInterested(
            @AuthenticationPrincipal AccountPrincipal reader,
            @RequestParam String id,
            HttpServletRequest request,
            HttpServletResponse response) {
        forYou.undoNotInterested(reader.id(), parseId(id));
        if (htmx(request)) {
            // The paper's place in the ranking depends on everything else: the page is ranked again.
            response.setHeader("HX-Refresh", "true");
            return new ModelAndView("follow/hidden", Map.of("id", id), HttpStatus.OK);
        }
        return new ModelAndView("redirect:/for-you");
    }

    @PostMapping("/for-you/feed")
    ModelAndView newFeed(@AuthenticationPrincipal AccountPrincipal reader) {
        String token = forYou.renewFeedToken(reader.id());
        return render(reader, forYou.defaultDays(), feedUrl(token));
    }

    @PostMapping("/for-you/feed/revoke")
    String revokeFeed(@AuthenticationPrincipal AccountPrincipal reader) {
        forYou.revokeFeedToken(reader.id());
        return "redirect:/for-you";
    }

    String feedUrl(String token) {
        return app.baseUrl().replaceAll("/+$", "") + "/for-you/feed/" + token + ".atom";
    }

    @GetMapping("/follows")
    ModelAndView list(@AuthenticationPrincipal @Nullable AccountPrincipal reader) {
        if (reader == null) {
            return new ModelAndView("redirect:/login");
        }
        return followsPage(reader, "author", "", "", "", null, HttpStatus.OK);
    }

    @GetMapping("/follows/new")
    ModelAndView form(
            @AuthenticationPrincipal @Nullable AccountPrincipal reader,
            @RequestParam(defaultValue = "author") String kind,
            @RequestParam(defaultValue = "") String target) {
        if (reader == null) {
            return new ModelAndView("redirect:/login");
        }
        String include = "";
        String exclude = "";
        var existing = Follow.Kind.parse(kind).flatMap(k -> follows.find(reader.id(), k, target));
        if (existing.isPresent()) {
            include = String.join(", ", existing.get().include());
            exclude = String.join(", ", existing.get().exclude());
        }
        return followsPage(reader, kind, target, include, exclude, null, HttpStatus.OK);
    }

    private ModelAndView followsPage(
            AccountPrincipal reader,
            String kind,
            String target,
            String include,
            String exclude,
            @Nullable String error,
            HttpStatus status) {
        FollowViews.FollowsPage view = new FollowViews.FollowsPage(
                follows.list(reader.id()), kind, target, include, exclude, error, List.of(Follow.Kind.values()));
        return new ModelAndView("follow/follows", Map.of("view", view), status);
    }

    @PostMapping("/follows")
    ModelAndView follow(
            @AuthenticationPrincipal AccountPrincipal reader,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String include,
            @RequestParam(defaultValue = "") String exclude,
            @RequestParam(defaultValue = "") String next,
            HttpServletRequest request) {
        Follow f;
        try {
            f = follows.follow(reader.id(), new Follows.Request(kind, target, include, exclude));
        } catch (FollowException e) {
            if (htmx(request)) {
                return message(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            return followsPage(reader, kind, target, include, exclude, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        if (htmx(request)) {
            return button(f.kind().apiName(), f.target(), f, true);
        }
        return new ModelAndView("redirect:" + safeNext(next, "/follows"));
    }

    @PostMapping("/follows/{id}/delete")
    ModelAndView unfollow(
            @AuthenticationPrincipal AccountPrincipal reader,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String next,
            HttpServletRequest request) {
        Follow f = follows.list(reader.id()).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElse(null);
        follows.unfollow(reader.id(), id);
        if (htmx(request) && f != null) {
            return button(f.kind().apiName(), f.target(), null, true);
        }
        return new ModelAndView("redirect:" + safeNext(next, "/follows"));
    }

    /** The button of a page; loaded by htmx, so cached pages stay the same for every reader. */
    @GetMapping("/follows/button")
    ModelAndView button(
            @AuthenticationPrincipal @Nullable AccountPrincipal reader,
            @RequestParam String kind,
            @RequestParam String target) {
        Follow.Kind k = Follow.Kind.parse(kind)
                .orElseThrow(() -> new FollowException("kind", "unknown kind of follow: " + kind));
        Follow f = reader == null ? null : follows.find(reader.id(), k, target).orElse(null);
        return button(k.apiName(), target.strip(), f, reader != null);
    }

    private static ModelAndView button(String kind, String target, @Nullable Follow f, boolean signedIn) {
        String label = kind.equals("search") ? "this search" : kind.equals("claimed-author") ? "@" + target : target;
        return new ModelAndView(
                "follow/button", Map.of("button", new FollowViews.Button(kind, target, label, f, signedIn)));
    }

    @ExceptionHandler(FollowException.class)
    ModelAndView failed(FollowException e) {
        return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ModelAndView message(HttpStatus status, String message) {
        ModelAndView mav = new ModelAndView("follow/message");
        mav.addObject("security", org.dailypapers.account.PageContext.current());
        mav.addObject("title", status.getReasonPhrase());
        mav.addObject("message", message);
        mav.setStatus(status);
        return mav;
    }

    static ArxivId parseId(String id) {
        return ArxivId.parse(id.strip())
                .orElseThrow(() -> new FollowException("id", "id must be an arXiv identifier such as 2501.01234"));
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Only paths of this site: an open redirect would let a link send readers anywhere after following. */
    static String safeNext(String next, String fallback) {
        return next.startsWith("/")
                        && !next.startsWith("//")
                        && !next.contains("\\")
                        && !next.contains("\r")
                        && !next.contains("\n")
                ? next
                : fallback;
    }
}
