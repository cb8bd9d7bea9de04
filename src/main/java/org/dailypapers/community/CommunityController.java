package org.dailypapers.community;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.PageContext;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages and htmx fragments for voting, discussion and submission. Every action is a plain form POST that works
 * without JavaScript; htmx requests ({@code HX-Request}) get the changed fragment instead of a redirect.
 */
@Controller
@ConditionalOnWebApplication
class CommunityController {

    private final Upvotes upvotes;
    private final Comments comments;
    private final Submissions submissions;
    private final PaperCatalog catalog;

    CommunityController(Upvotes upvotes, Comments comments, Submissions submissions, PaperCatalog catalog) {
        this.upvotes = upvotes;
        this.comments = comments;
        this.submissions = submissions;
        this.catalog = catalog;
    }

    /** The upvote button of a paper for the current reader, for pages that load it lazily. */
    @GetMapping({"/papers/{id}/upvote", "/papers/" + ArxivId.OLD_STYLE_PATH + "/upvote"})
    String upvoteButton(
            @AuthenticationPrincipal @Nullable AccountPrincipal user,
            @PathVariable Map<String, String> path,
            Model model) {
        Paper paper = paper(PaperPaths.paperId(path, "id"));
        model.addAttribute("paperId", paper.id().id());
        model.addAttribute("upvotes", paper.upvotes());
        model.addAttribute("upvoted", user != null && upvotes.hasUpvoted(user.id(), paper.id()));
        return "community/upvote";
    }

    @PostMapping({"/papers/{id}/upvote", "/papers/" + ArxivId.OLD_STYLE_PATH + "/upvote"})
    String upvote(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable Map<String, String> path,
            @RequestParam(defaultValue = "true") boolean vote,
            HttpServletRequest request,
            Model model) {
        ArxivId paperId = CommunityApiController.parse(PaperPaths.paperId(path, "id"));
        UpvoteState state = vote ? upvotes.upvote(user.id(), paperId) : upvotes.remove(user.id(), paperId);
        if (isHtmx(request)) {
            model.addAttribute("paperId", state.paperId().id());
            model.addAttribute("upvotes", state.upvotes());
            model.addAttribute("upvoted", state.upvoted());
            return "community/upvote";
        }
        return "redirect:" + back(request, "/papers/" + state.paperId().id());
    }

    /**
     * Where a plain form POST returns to: the page it came from (a card on a feed, search or paper page), so that a
     * reader without JavaScript keeps their place. Only a path on this site is followed, never another host.
     */
    static String back(HttpServletRequest request, String fallback) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return fallback;
        }
        try {
            URI uri = new URI(referer);
            boolean sameSite = uri.getHost() == null
                    || (uri.getHost().equalsIgnoreCase(request.getServerName())
                            && (uri.getPort() == -1 || uri.getPort() == request.getServerPort()));
            String path = uri.getRawPath();
            if (!sameSite || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return fallback;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return fallback;
        }
    }

    @GetMapping({"/papers/{id}/comments", "/papers/" + ArxivId.OLD_STYLE_PATH + "/comments"})
    String thread(
            @AuthenticationPrincipal @Nullable AccountPrincipal user,
            @PathVariable Map<String, String> path,
            HttpServletRequest request,
            Model model) {
        Paper paper = paper(PaperPaths.paperId(path, "id"));
        model.addAttribute("paper", paper);
        model.addAttribute("paperId", paper.id().id());
        model.addAttribute("comments", comments.thread(paper.id(), user != null && user.admin()));
        model.addAttribute("upvotes", paper.upvotes());
        model.addAttribute("upvoted", user != null && upvotes.hasUpvoted(user.id(), paper.id()));
        // htmx asks for the thread alone, to put it into the paper page; boosted navigation wants the whole page
        boolean fragment = isHtmx(request) && !"true".equals(request.getHeader("HX-Boosted"));
        return fragment ? "community/thread" : "community/comments";
    }

    @PostMapping({"/papers/{id}/comments", "/papers/" + ArxivId.OLD_STYLE_PATH + "/comments"})
    String comment(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable Map<String, String> path,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable Long parentId) {
        Comment c = comments.post(user, CommunityApiController.parse(PaperPaths.paperId(path, "id")), parentId, body);
        return "redirect:/papers/" + c.paperId().id() + "/comments#c" + c.id();
    }

    @PostMapping("/comments/{commentId}/edit")
    String edit(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long commentId,
            @RequestParam(defaultValue = "") String body) {
        Comment c = comments.edit(user, commentId, body);
        return "redirect:/papers/" + c.paperId().id() + "/comments#c" + c.id();
    }

    @PostMapping("/comments/{commentId}/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long commentId) {
        Comment c = existing(commentId, user);
        comments.delete(user, commentId);
        return "redirect:/papers/" + c.paperId().id() + "/comments";
    }

    @PostMapping("/comments/{commentId}/hide")
    String hide(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long commentId,
            @RequestParam(defaultValue = "true") boolean hidden) {
        Comment c = existing(commentId, user);
        comments.setHidden(user, commentId, hidden);
        return "redirect:/papers/" + c.paperId().id() + "/comments#c" + c.id();
    }

    @GetMapping("/submit")
    String submitForm(Model model) {
        model.addAttribute("input", "");
        model.addAttribute("error", "");
        return "community/submit";
    }

    @PostMapping("/submit")
    String submit(
            @AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "") String id, Model model) {
        try {
            Submissions.Submitted s = submissions.submit(user, id);
            return "redirect:/papers/" + s.paper().id().id();
        } catch (CommunityException e) {
            model.addAttribute("input", id);
            model.addAttribute("error", e.getMessage());
            return "community/submit";
        }
    }

    private Comment existing(long commentId, AccountPrincipal user) {
        return comments.find(commentId, user.admin())
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "Comment " + commentId + " does not exist."));
    }

    private Paper paper(String id) {
        ArxivId paperId = CommunityApiController.parse(id);
        return catalog.find(paperId).orElseThrow(() -> new UnknownPaperException(paperId.id()));
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    @ExceptionHandler(CommunityException.class)
    ModelAndView failed(CommunityException e, HttpServletRequest request) {
        return message(request, HttpStatus.valueOf(e.kind().status()), e.getMessage());
    }

    @ExceptionHandler(UnknownPaperException.class)
    ModelAndView unknownPaper(UnknownPaperException e, HttpServletRequest request) {
        return message(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** Exception handlers' models miss the advice's attributes, so the security context is added here. */
    static ModelAndView message(HttpServletRequest request, HttpStatus status, String message) {
        ModelAndView mav = new ModelAndView("community/message");
        mav.addObject("security", PageContext.of(request));
        mav.addObject("title", status.getReasonPhrase());
        mav.addObject("message", message);
        mav.setStatus(status);
        return mav;
    }
}
