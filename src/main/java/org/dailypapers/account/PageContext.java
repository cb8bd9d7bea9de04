package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page template needs from security: the CSRF token for forms (hidden field) and htmx (meta tag read by
 * {@code /static/csrf.js}), and who is signed in. Added to every MVC model as {@code security}.
 */
public record PageContext(String csrfParameter, String csrfHeader, String csrfToken, @Nullable AccountPrincipal user) {

    public boolean signedIn() {
        return user != null;
    }

    public boolean admin() {
        return user != null && user.admin();
    }

    /** For views built outside a controller's model, such as exception handlers' pages. */
    public static PageContext of(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new PageContext(
                token == null ? "_csrf" : token.getParameterName(),
                token == null ? "X-CSRF-TOKEN" : token.getHeaderName(),
                // reading the token makes the deferred token load; API requests have none and need none
                token == null ? "" : token.getToken(),
                currentUser());
    }

    /**
     * The context of the request this thread serves, for templates rendered where no model carries one (Spring
     * Boot's error view); outside a request it has no token, which renders forms that the server would refuse.
     */
    public static PageContext current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return new PageContext("_csrf", "X-CSRF-TOKEN", "", currentUser());
    }

    public static @Nullable AccountPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    }
}
