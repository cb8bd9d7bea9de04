package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link PageContext} into the model of every page. */
@ControllerAdvice
@ConditionalOnWebApplication
class PageContextAdvice {

    @ModelAttribute("security")
    PageContext page(HttpServletRequest request) {
        return of(request);
    }

    static PageContext of(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new PageContext(
                token == null ? "_csrf" : token.getParameterName(),
                token == null ? "X-CSRF-TOKEN" : token.getHeaderName(),
                // reading the token makes the deferred token load; API requests have none and need none
                token == null ? "" : token.getToken(),
                currentUser());
    }

    static @Nullable AccountPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    }
}
