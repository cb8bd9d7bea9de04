package org.dailypapers.account;

/** Actions that strangers can repeat cheaply and that cost us or other users something. */
public enum RateLimitedAction {
    SIGN_UP("sign-up"),
    /** Log-in attempts per client address. */
    LOG_IN("log-in"),
    /** Log-in attempts per (email address, client address) pair. */
    LOG_IN_PAIR("log-in-pair"),
    /**
     * Failed log-ins per account, from anywhere. Never refuses: once spent, each attempt on the account is slowed
     * down (see {@link LoginRateLimitFilter}), so a stranger cannot lock its owner out.
     */
    LOG_IN_FAILURES("log-in-failures"),
    SUBMIT("submit"),
    COMMENT("comment");

    private final String key;

    RateLimitedAction(String key) {
        this.key = key;
    }

    /** The name under {@code dailypapers.security.rate-limits.*}. */
    public String key() {
        return key;
    }
}
