package org.dailypapers.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans the CLI needs as much as the site, so they do not depend on a web context. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /**
     * bcrypt today, with the algorithm stored in each hash ({@code {bcrypt}...}) so that a later switch to Argon2id
     * re-hashes on log-in instead of locking users out.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
