package org.dailypapers.account;

/** A freshly created API token: {@code token} is shown once and never stored. */
public record IssuedToken(ApiToken info, String token) {}
