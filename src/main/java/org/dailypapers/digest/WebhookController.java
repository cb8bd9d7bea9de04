package org.dailypapers.digest;

import java.util.Map;
import org.dailypapers.account.AccountPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code /settings/webhooks}: register, list (with the last failure), re-enable and delete webhooks. */
@Controller
@ConditionalOnWebApplication
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/settings/webhooks")
    ModelAndView page(@AuthenticationPrincipal @Nullable AccountPrincipal user) {
        if (user == null) {
            return new ModelAndView("redirect:/login");
        }
        return render(user, "slack", "", null, null, HttpStatus.OK);
    }

    private ModelAndView render(
            AccountPrincipal user,
            String shape,
            String url,
            @Nullable String error,
            @Nullable String created,
            HttpStatus status) {
        return new ModelAndView(
                "digest/webhooks",
                Map.of("view", new WebhooksView(webhooks.of(user), user.admin(), shape, url, error, created)),
                status);
    }

    @PostMapping("/settings/webhooks")
    ModelAndView register(
            @AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(defaultValue = "slack") String shape,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "reader") String scope) {
        try {
            Webhook w = webhooks.register(user, shape, url, scope.equals("site"));
            return render(user, "slack", "", null, w.id(), HttpStatus.OK);
        } catch (WebhookException e) {
            return render(user, shape, url, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        webhooks.delete(user, id);
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        webhooks.enable(user, id);
        return "redirect:/settings/webhooks";
    }
}
