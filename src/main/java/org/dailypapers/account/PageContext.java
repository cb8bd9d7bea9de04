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
public record PageContext(@Nullable CsrfToken csrf, @Nullable AccountPrincipal user) {

    /*
     * The token's parts are read when a template first asks for them. Reading any of them loads the token, which
     * stores it in the HTTP session: read eagerly, every anonymous reading page (which renders no form) would open a
     * session and send a cookie.
     */

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    /** Empty where there is no token (API requests need none). */
    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean admin() {
        return user != null && user.admin();
    }

    /** For views built outside a controller's model, such as exception handlers' pages. */
    public static PageContext of(HttpServletRequest request) {
        return new PageContext((CsrfToken) request.getAttribute(CsrfToken.class.getName()), currentUser());
    }

    /**
     * The context of the request this thread serves, for templates rendered where no model carries one (Spring
     * Boot's error view); outside a request it has no token, which renders forms that the server would refuse.
     */
    public static PageContext current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return new PageContext(null, currentUser());
    }

    public static @Nullable AccountPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    }
}
