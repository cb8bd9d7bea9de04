package org.dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-up must not tell a stranger which addresses are registered: a sign-up for a registered address answers
 * exactly like one for a new address, creates nothing, and mails the address's owner.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "dailypapers.demo=false")
@AutoConfigureMockMvc
class SignUpTests {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static {
        greenMail.start();
    }

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopMail() {
        greenMail.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    private MockHttpServletResponse signUp(String email, String handle, String address) throws Exception {
        return signUp(email, handle, address, "a long enough password");
    }

    private MockHttpServletResponse signUp(String email, String handle, String address, String password)
            throws Exception {
        return mvc.perform(post("/signup")
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        })
                        .with(csrf())
                        .param("email", email)
                        .param("handle", handle)
                        .param("displayName", "Someone")
                        .param("password", password))
                .andReturn()
                .getResponse();
    }

    @Test
    void shouldAnswerTheSameForARegisteredAddressAndMailItsOwner() throws Exception {
        MockHttpServletResponse fresh = signUp("owner@example.org", "owner", "10.1.0.1");
        assertThat(fresh.getRedirectedUrl()).isEqualTo("/login?registered");

        MockHttpServletResponse again = signUp("Owner@Example.org", "stranger", "10.1.0.2", "the stranger's password");
        assertThat(again.getStatus()).isEqualTo(fresh.getStatus());
        assertThat(again.getRedirectedUrl()).isEqualTo(fresh.getRedirectedUrl());
        assertThat(again.getContentAsString())
                .isEqualTo(fresh.getContentAsString())
                .doesNotContain("exists");

        // nothing was created for the stranger, and the owner hears of the attempt
        assertThat(accounts.findByHandle("stranger")).isEmpty();
        assertThat(accounts.findByEmail("owner@example.org").orElseThrow().handle())
                .isEqualTo("owner");
        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1))
                .isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("owner@example.org");
        assertThat(GreenMailUtil.getBody(mail)).contains("You have an account already");
        // the stranger's password does not open the owner's account
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", "owner@example.org")
                        .param("password", "the stranger's password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
