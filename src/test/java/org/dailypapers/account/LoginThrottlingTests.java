package org.dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 18 item 1: brute-force protection of the log-in form must not hand strangers a switch that locks a chosen
 * user out. Guesses are refused per client address and per (email, address) pair; per account they are only slowed
 * down, and the owner's correct password still signs in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.security.rate-limits.log-in-slow-down=PT0.5S",
            "dailypapers.security.rate-limits.log-in-failures=10/PT1H"
        })
@AutoConfigureMockMvc
class LoginThrottlingTests {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration SLOW_DOWN = Duration.ofMillis(500);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("login-throttling-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    private static RequestPostProcessor from(String address) {
        return (MockHttpServletRequest r) -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private Account victim() {
        return accounts.createUser("victim" + COUNTER.incrementAndGet() + "@example.org", PASSWORD, false);
    }

    private ResultActions logIn(String address, String email, String password) throws Exception {
        return mvc.perform(post("/login")
                .with(from(address))
                .with(csrf())
                .param("email", email)
                .param("password", password));
    }

    @Test
    void shouldLetTheOwnerInWhileAStrangerFromChangingAddressesGuessesTheirPassword() throws Exception {
        Account victim = victim();
        int n = COUNTER.incrementAndGet();
        // three times the account's failure budget, two guesses per address, as the attack in the issue
        for (int i = 0; i < 30; i++) {
            logIn("10.18." + n + "." + (i / 2), victim.email(), "guess " + i).andExpect(status().is3xxRedirection());
        }

        long started = System.nanoTime();
        logIn("192.0.2." + n, victim.email(), PASSWORD)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the account is under attack, so even its owner waits a moment: that is what slows the guesser down
        assertThat(took).isGreaterThanOrEqualTo(SLOW_DOWN);
    }

    @Test
    void shouldSlowDownEveryGuessOnceAnAccountsFailuresAreSpent() throws Exception {
        Account victim = victim();
        int n = COUNTER.incrementAndGet();
        long started = System.nanoTime();
        logIn("10.19." + n + ".1", victim.email(), "first guess");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW_DOWN);
        for (int i = 0; i < 10; i++) {
            logIn("10.19." + n + "." + (i + 2), victim.email(), "guess " + i);
        }

        started = System.nanoTime();
        logIn("10.19." + n + ".100", victim.email(), "one more guess")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SLOW_DOWN);
    }

    @Test
    void shouldRefuseAGuesserPerAddressAndPerEmailAndAddress() throws Exception {
        Account victim = victim();
        int n = COUNTER.incrementAndGet();
        String guesser = "10.20." + n + ".1";
        for (int i = 0; i < 5; i++) {
            logIn(guesser, victim.email(), "guess " + i).andExpect(status().is3xxRedirection());
        }
        logIn(guesser, victim.email(), "guess 6")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        // the same address may still try other accounts, up to its own limit (10 per 5 minutes)
        for (int i = 0; i < 4; i++) {
            logIn(guesser, "other" + i + "@example.org", "guess").andExpect(status().is3xxRedirection());
        }
        logIn(guesser, "other5@example.org", "guess").andExpect(status().isTooManyRequests());
        // the owner, from their own address, is not affected
        logIn("192.0.2.200", victim.email(), PASSWORD).andExpect(redirectedUrl("/"));
    }
}
