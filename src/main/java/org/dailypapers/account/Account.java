package org.dailypapers.account;

import java.time.Instant;

/**
 * A registered user.
 *
 * @param email log-in name, lower-cased; never shown to other users
 * @param handle public name in URLs and next to comments ({@code [a-z0-9-]})
 */
public record Account(long id, String email, String handle, String displayName, boolean admin, Instant createdAt) {

    public AccountPrincipal principal() {
        return new AccountPrincipal(id, email, handle, displayName, admin, null);
    }
}
