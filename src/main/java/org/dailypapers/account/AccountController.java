package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up, log-in page and profile (API tokens). Log-in and log-out themselves are Spring Security's filters. */
@Controller
@ConditionalOnWebApplication
class AccountController {

    private final AccountService accounts;
    private final RateLimiter rateLimiter;

    AccountController(AccountService accounts, RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("handle", "");
        model.addAttribute("displayName", "");
        model.addAttribute("errors", Map.of());
        return "account/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model) {
        rateLimiter.acquire(RateLimitedAction.SIGN_UP, "ip:" + request.getRemoteAddr());
        try {
            accounts.signUp(email, handle, displayName, password);
        } catch (AccountException e) {
            model.addAttribute("email", email);
            model.addAttribute("handle", handle);
            model.addAttribute("displayName", displayName);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return "account/signup";
        }
        // the same answer whether the address was new or had an account (its owner got a mail): no enumeration
        return "redirect:/login?registered";
    }

    @GetMapping("/login")
    String logInForm(HttpServletRequest request, Model model) {
        model.addAttribute("failed", flag(request, "error"));
        model.addAttribute("registered", flag(request, "registered"));
        model.addAttribute("loggedOut", flag(request, "logout"));
        return "account/login";
    }

    /** {@code ?error} without a value, as Spring Security's redirects write it. */
    private static boolean flag(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return request.getParameterMap().containsKey(name)
                || (query != null && java.util.Arrays.asList(query.split("&")).contains(name));
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        Account account = accounts.findById(user.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("tokens", accounts.tokens(user.id()));
        if (!model.containsAttribute("newToken")) {
            model.addAttribute("newToken", "");
        }
        return "account/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(
            @AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        IssuedToken issued = accounts.createToken(user.id(), name);
        // a flash attribute lives in the session for one redirect only: the token is shown once
        redirect.addFlashAttribute("newToken", issued.token());
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/delete")
    String revokeToken(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id) {
        accounts.revokeToken(user.id(), id);
        return "redirect:/profile";
    }
}
