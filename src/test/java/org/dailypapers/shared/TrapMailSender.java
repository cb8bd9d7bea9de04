package org.dailypapers.shared;

import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Wraps the instance's mail sender. Armed with {@link #hangAfter}, it sends that many mails and then hangs in
 * the next send for good, ignoring interrupts as a dead process would answer none: the mail it holds is never
 * handed to the server, and the job that called it never ends.
 */
final class TrapMailSender implements BeanPostProcessor {
    private volatile int allowed = Integer.MAX_VALUE;
    private final AtomicInteger sent = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;

    void hangAfter(int mails) {
        sent.set(0);
        allowed = mails;
    }

    boolean hanging() {
        return hanging;
    }

    void release() {
        released.countDown();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSender sender) {
            return new Trapped(sender);
        }
        return bean;
    }

    private void beforeSend() {
        if (sent.incrementAndGet() > allowed) {
            hanging = true;
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    // a killed process answers no interrupt
                }
            }
            throw new org.springframework.mail.MailSendException("the instance is dead");
        }
    }

    private final class Trapped implements JavaMailSender {
        private final JavaMailSender delegate;

        Trapped(JavaMailSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public MimeMessage createMimeMessage() {
            return delegate.createMimeMessage();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            return delegate.createMimeMessage(contentStream);
        }

        @Override
        public void send(MimeMessage... mimeMessages) throws MailException {
            for (MimeMessage m : mimeMessages) {
                beforeSend();
                delegate.send(m);
            }
        }

        @Override
        public void send(SimpleMailMessage... simpleMessages) throws MailException {
            delegate.send(simpleMessages);
        }
    }
}
