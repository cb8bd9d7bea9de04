package org.dailypapers.digest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Subscribe, confirm, unsubscribe and preference pages under {@code /digest}. */
@Controller
@RequestMapping("/digest")
class DigestController {

    private static final String INVALID_LINK =
            "This link is not valid or has expired. Links in our mails work for a limited time; subscribe again"
                    + " or use the link in a newer mail.";

    private final SubscriptionService subscriptions;
    private final DigestLinks links;

    DigestController(SubscriptionService subscriptions, DigestLinks links) {
        this.subscriptions = subscriptions;
        this.links = links;
    }

    @GetMapping({"", "/"})
    ModelAndView form(CsrfToken csrf) {
        return new ModelAndView(
                "digest/subscribe", Map.of("csrfName", csrf.getParameterName(), "csrfToken", csrf.getToken()));
    }

    @PostMapping("/subscribe")
    ModelAndView subscribe(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "daily") String frequency,
            @RequestParam(defaultValue = "") String categories,
            @RequestParam(defaultValue = "") String searches,
            HttpServletRequest request) {
        Subscription.Preferences prefs = new Subscription.Preferences(
                frequency(frequency),
                Subscription.Preferences.DEFAULT.trendingCount(),
                true,
                lines(searches),
                words(categories));
        return switch (subscriptions.subscribe(email, prefs, request.getRemoteAddr(), Instant.now())) {
            case MAIL_SENT ->
                message(
                        HttpStatus.OK,
                        "Check your inbox",
                        "We sent a mail to the address you gave. Follow its link to start receiving the digest.");
            case INVALID_ADDRESS ->
                message(HttpStatus.BAD_REQUEST, "Not an email address", "Please go back and check the address.");
            case RATE_LIMITED ->
                message(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "Too many subscription requests from here or for this address. Please try again later.");
            case MAIL_FAILED ->
                message(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Mail could not be sent",
                        "We could not send the confirmation mail just now. Please try again later.");
        };
    }

    @GetMapping("/confirm")
    ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
        Instant now = Instant.now();
        return subscriptions
                .confirm(token, now)
                .map(s -> message(
                        HttpStatus.OK,
                        "You are subscribed",
                        "The digest will come to " + s.email() + ". You can change what it contains at any time.",
                        links.manageUrl(s.id(), now),
                        "Change what you receive"))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK));
    }

    @GetMapping("/unsubscribe")
    ModelAndView unsubscribePage(@RequestParam(defaultValue = "") String token) {
        return subscriptions
                .forUnsubscribeToken(token, Instant.now())
                .map(s -> new ModelAndView(
                        "digest/unsubscribe",
                        Map.of(
                                "email",
                                s.email(),
                                "token",
                                token,
                                "done",
                                s.status() == Subscription.Status.UNSUBSCRIBED)))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK));
    }

    /** RFC 8058 one-click: the mail provider posts {@code List-Unsubscribe=One-Click} to the header's URL. */
    @PostMapping("/unsubscribe")
    ModelAndView unsubscribe(@RequestParam(defaultValue = "") String token) {
        return subscriptions
                .unsubscribe(token, LinkSigner.Purpose.UNSUBSCRIBE, Instant.now())
                .map(s -> message(
                        HttpStatus.OK,
                        "You are unsubscribed",
                        s.email() + " will receive no more digests.",
                        links.baseUrl() + "/digest",
                        "Subscribe again"))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK));
    }

    @GetMapping("/preferences")
    ModelAndView preferences(@RequestParam(defaultValue = "") String token, CsrfToken csrf) {
        Optional<Subscription> found = subscriptions.forManageToken(token, Instant.now());
        if (found.isEmpty() || found.get().status() == Subscription.Status.UNSUBSCRIBED) {
            return message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK);
        }
        Subscription s = found.get();
        return new ModelAndView(
                "digest/preferences",
                Map.ofEntries(
                        Map.entry("email", s.email()),
                        Map.entry("token", token),
                        Map.entry("csrfName", csrf.getParameterName()),
                        Map.entry("csrfToken", csrf.getToken()),
                        Map.entry("weekly", s.frequency() == Subscription.Frequency.WEEKLY),
                        Map.entry("trendingCount", s.trendingCount()),
                        Map.entry("forYou", s.forYou()),
                        Map.entry("searches", String.join("\n", s.savedSearches())),
                        Map.entry("categories", String.join(" ", s.categories())),
                        Map.entry("paused", s.status() == Subscription.Status.PAUSED)));
    }

    @PostMapping("/preferences")
    ModelAndView savePreferences(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "daily") String frequency,
            @RequestParam(defaultValue = "10") int trendingCount,
            @RequestParam(defaultValue = "false") boolean forYou,
            @RequestParam(defaultValue = "") String searches,
            @RequestParam(defaultValue = "") String categories,
            @RequestParam(defaultValue = "false") boolean paused,
            @RequestParam(defaultValue = "false") boolean unsubscribe) {
        Instant now = Instant.now();
        if (unsubscribe) {
            return subscriptions
                    .unsubscribe(token, LinkSigner.Purpose.MANAGE, now)
                    .map(s -> message(
                            HttpStatus.OK,
                            "You are unsubscribed",
                            s.email() + " will receive no more digests.",
                            links.baseUrl() + "/digest",
                            "Subscribe again"))
                    .orElseGet(() -> message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK));
        }
        Subscription.Preferences prefs = new Subscription.Preferences(
                frequency(frequency), trendingCount, forYou, lines(searches), words(categories));
        return subscriptions
                .update(token, prefs, paused, now)
                .map(s -> message(
                        HttpStatus.OK,
                        paused ? "Digest paused" : "Preferences saved",
                        paused ? "No digests will come until you resume." : "Your next digest will follow them.",
                        links.manageUrl(s.id(), now),
                        "Back to your preferences"))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, "Link not valid", INVALID_LINK));
    }

    private static Subscription.Frequency frequency(String value) {
        return "weekly".equals(value.strip().toLowerCase(Locale.ROOT))
                ? Subscription.Frequency.WEEKLY
                : Subscription.Frequency.DAILY;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static ModelAndView message(HttpStatus status, String title, String text) {
        return message(status, title, text, null, null);
    }

    private static ModelAndView message(
            HttpStatus status, String title, String text, @Nullable String linkUrl, @Nullable String linkText) {
        ModelAndView view = new ModelAndView(
                "digest/message",
                Map.of(
                        "title",
                        title,
                        "message",
                        text,
                        "linkUrl",
                        linkUrl == null ? "" : linkUrl,
                        "linkText",
                        linkText == null ? "" : linkText));
        view.setStatus(status);
        return view;
    }
}
