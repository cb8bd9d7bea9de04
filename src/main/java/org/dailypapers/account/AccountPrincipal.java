package org.dailypapers.account;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it, for sessions and API tokens alike. Controllers of other modules
 * take it with {@code @AuthenticationPrincipal}.
 *
 * @param passwordHash present only while a password log-in is checked; sessions keep the principal without it
 */
public record AccountPrincipal(
        long id, String email, String handle, String displayName, boolean admin, @Nullable String passwordHash)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    AccountPrincipal withoutPassword() {
        return new AccountPrincipal(id, email, handle, displayName, admin, null);
    }
}
