package org.dailypapers.account;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dailypapers.shared.DailyPapersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells the owner of an address that someone tried to sign up with it. Sent in the background: the sign-up answer
 * must not wait for (or be slowed by, and so reveal) the mail server, and a mail server that is down only costs the
 * notice, which is logged.
 */
@Component
class SignUpNotices {

    private static final Logger log = LoggerFactory.getLogger(SignUpNotices.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;
    private final String baseUrl;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    SignUpNotices(
            ObjectProvider<JavaMailSender> senders,
            DailyPapersProperties properties,
            @Value("${dailypapers.digest.from:dailypapers@localhost}") String from) {
        this.senders = senders;
        this.from = from;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    }

    void signUpForExistingAccount(String email) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.warn("Sign-up for an address that has an account; no mail server is configured to tell its owner");
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(email);
        mail.setSubject("Someone tried to create an account with your address");
        mail.setText("Someone, perhaps you, tried to create a new account on " + baseUrl + " with this email address."
                + " You have an account already, so nothing was changed.\n\nLog in here: " + baseUrl + "/login\n\n"
                + "If it was not you, you can ignore this mail.\n");
        background.execute(() -> {
            try {
                sender.send(mail);
            } catch (MailException e) {
                log.warn("Could not tell the owner of an address about a sign-up attempt: {}", e.getMessage());
            }
        });
    }
}
