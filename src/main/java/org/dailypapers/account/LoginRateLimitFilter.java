package org.dailypapers.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits log-in attempts per remote address and per email address: the first slows a guesser down, the second
 * protects one account from guesses spread over many addresses. Runs before the password check, so a limited
 * attempt costs no bcrypt round either. Not a bean, for the reason given on {@link BearerTokenFilter}.
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
        try {
            rateLimiter.acquire(RateLimitedAction.LOG_IN, "ip:" + request.getRemoteAddr());
            String email = request.getParameter("email");
            if (email != null && !email.isBlank()) {
                rateLimiter.acquire(
                        RateLimitedAction.LOG_IN, "email:" + email.trim().toLowerCase(Locale.ROOT));
            }
        } catch (RateLimitExceededException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
