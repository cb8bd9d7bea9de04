package org.dailypapers.account;

import org.jspecify.annotations.Nullable;

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
}
