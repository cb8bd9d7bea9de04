package org.dailypapers.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed log-ins per account (unknown addresses included, which fail the same way), for the slow-down of
 * {@link LoginRateLimitFilter}. A successful log-in does not reset the count: a guesser who keeps going stays slow.
 */
@Component
class LoginFailureCounter {

    private final RateLimiter rateLimiter;

    LoginFailureCounter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String email = LoginRateLimitFilter.normalize(event.getAuthentication().getName());
        if (email != null) {
            rateLimiter.record(RateLimitedAction.LOG_IN_FAILURES, LoginRateLimitFilter.account(email));
        }
    }
}
