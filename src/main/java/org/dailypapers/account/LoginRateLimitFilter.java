package org.dailypapers.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brute-force protection for the log-in form that hands strangers no lock-out switch
 * (docs/decisions/0008-log-in-throttling.md):
 *
 * <ul>
 *   <li>per client address: a guesser from one address is refused (429) after a few attempts;
 *   <li>per (email, client address) pair: one address cannot spend a whole account's attempts either;
 *   <li>per account, from anywhere: once an account has had many failed log-ins, every further attempt on it waits
 *       ({@code log-in-slow-down}) before its password is checked, and a correct password still signs in. Guesses
 *       spread over many addresses are slowed down; the owner, whatever a stranger does, is not refused.
 * </ul>
 *
 * Runs before the password check, so a refused attempt costs no bcrypt round either. Failures are counted by
 * {@link LoginFailureCounter}. Not a bean, for the reason given on {@link BearerTokenFilter}.
 */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter rateLimiter;

    LoginRateLimitFilter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String email = normalize(request.getParameter("email"));
        try {
            rateLimiter.acquire(RateLimitedAction.LOG_IN, "ip:" + address);
            if (email != null) {
                rateLimiter.acquire(RateLimitedAction.LOG_IN_PAIR, "pair:" + email + '|' + address);
            }
        } catch (RateLimitExceededException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (email != null && rateLimiter.available(RateLimitedAction.LOG_IN_FAILURES, account(email)) == 0) {
            slowDown(rateLimiter.logInSlowDown());
        }
        chain.doFilter(request, response);
    }

    static String account(String normalizedEmail) {
        return "account:" + normalizedEmail;
    }

    static @Nullable String normalize(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Request threads are virtual: a waiting attempt holds no platform thread. */
    private static void slowDown(Duration wait) throws IOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while slowing a log-in down", e);
        }
    }
}
