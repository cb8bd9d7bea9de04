package org.dailypapers.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.dailypapers.shared.DailyPapersProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Builds MIME messages and hands them to SMTP, telling temporary from permanent failures. */
@Component
class DigestMailer {

    private final ObjectProvider<JavaMailSender> senders;
    private final DigestProperties properties;
    private final String messageIdDomain;

    DigestMailer(ObjectProvider<JavaMailSender> senders, DigestProperties properties, DailyPapersProperties app) {
        this.senders = senders;
        this.properties = properties;
        String host = URI.create(app.baseUrl()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "dailypapers.local" : host;
    }

    /** Thrown when a retry cannot help: the server refused the mail or the address with a 5xx reply. */
    static final class PermanentFailure extends Exception {
        PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A digest as multipart/alternative (plain text first, HTML preferred) with RFC 8058 one-click unsubscribe
     * headers. The Message-ID derives from the outbox row, so a mail sent twice after a crash can be recognised as
     * one by the receiving side.
     */
    MimeMessage digestMessage(OutboxMail mail) throws MessagingException {
        MimeMessage message = newMessage();
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        if (!mail.unsubscribeUrl().isEmpty()) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setSentDate(Date.from(Instant.now()));
        message.saveChanges();
        message.setHeader("Message-ID", "<digest-" + mail.id() + "@" + messageIdDomain + ">");
        return message;
    }

    MimeMessage plainMessage(String to, String subject, String body) throws MessagingException {
        MimeMessage message = newMessage();
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8", "plain");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setSentDate(Date.from(Instant.now()));
        return message;
    }

    private MimeMessage newMessage() {
        JavaMailSender sender = senders.getIfAvailable();
        // Without spring.mail.host there is no sender; dry runs still need messages to write to files.
        return sender != null ? sender.createMimeMessage() : new JavaMailSenderImpl().createMimeMessage();
    }

    /** Sends; a MailException is temporary (worth a retry), a PermanentFailure is not. */
    void send(MimeMessage message) throws PermanentFailure {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new MailSendException("no SMTP server configured: set spring.mail.host");
        }
        try {
            sender.send(message);
        } catch (MailParseException e) {
            throw new PermanentFailure(describe(e), e);
        } catch (MailException e) {
            if (isPermanent(e)) {
                throw new PermanentFailure(describe(e), e);
            }
            throw e;
        }
    }

    /** A 5xx reply anywhere in the chain, or an address that cannot be parsed. */
    static boolean isPermanent(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (smtpReturnCode(t) >= 500) {
                return true;
            }
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof MailSendException m) {
                todo.addAll(m.getFailedMessages().values());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return false;
    }

    /**
     * The SMTP reply code of Angus Mail's SMTPSendFailedException and SMTPAddressFailedException, read reflectively
     * because Angus is only on the runtime class path (the API is Jakarta Mail); -1 for other exceptions.
     */
    static int smtpReturnCode(Throwable t) {
        if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.")) {
            return -1;
        }
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Throwable t = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (t != null && seen.add(t) && out.length() < 900) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(String.valueOf(t.getMessage()).strip());
            t = next(t);
        }
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }

    private static @Nullable Throwable next(Throwable t) {
        if (t instanceof MailSendException m && !m.getFailedMessages().isEmpty()) {
            return m.getFailedMessages().values().iterator().next();
        }
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
