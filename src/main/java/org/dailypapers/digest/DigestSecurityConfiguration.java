package org.dailypapers.digest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The digest pages work without an account: whoever holds a signed link may act on it. The subscribe and preference
 * forms keep CSRF protection; the unsubscribe POST does not, because RFC 8058 one-click requests come from mail
 * providers that have no session and no token, and the signed token in the URL is the authorisation.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DigestSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain digestSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/digest/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/digest/unsubscribe")))
                // Tokens travel in URLs; no referrer keeps them from leaking to linked sites.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                                        + " frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
