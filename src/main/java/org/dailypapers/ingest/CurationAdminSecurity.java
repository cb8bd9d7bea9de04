package org.dailypapers.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The curation admin page is for users with the role {@code ADMIN} only, reads included: the rules say what the
 * instance watches. Sign-in itself belongs to the account module; this chain only checks the role of whoever is
 * signed in (the session is shared), and turns everyone else away.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CurationAdminSecurity {

    static final String ADMIN_ROLE = "ADMIN";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain curationAdminChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/admin/curation", "/admin/curation/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ADMIN_ROLE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none';"
                                + " base-uri 'self'; form-action 'self'")));
        return http.build();
    }
}
