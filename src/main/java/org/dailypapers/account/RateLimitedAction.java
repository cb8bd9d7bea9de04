package org.dailypapers.account;

/** Actions that strangers can repeat cheaply and that cost us or other users something. */
public enum RateLimitedAction {
    SIGN_UP("sign-up"),
    LOG_IN("log-in"),
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
