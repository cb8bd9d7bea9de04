package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked (BREACH-safe) CSRF tokens, except that a token that is not even well-formed counts as a
 * wrong token: the XOR handler fails on a value that is not Base64 ({@code IllegalArgumentException: Decoding
 * failed}), which became a 500 with a stack trace, where a missing or wrong token is the 403 it should be.
 */
final class MalformedCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        delegate.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return delegate.resolveCsrfTokenValue(request, csrfToken);
        } catch (IllegalArgumentException malformed) {
            // null is "no matching token": CsrfFilter answers through the access-denied handler with 403
            return null;
        }
    }
}
