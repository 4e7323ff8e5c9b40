package io.directline.channel.email;

import io.directline.cases.Attachments;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The e-mail channel's optional parts: the SMTP sender exists only when {@code spring.mail.host} is set
 * (Spring Boot then makes the {@link JavaMailSender}), the mailbox poller and its {@code emailFetcher}
 * health indicator only when {@code directline.channels.email.imap.host} is.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    /**
     * Jakarta Mail looks up its stream provider for every MIME part it builds or writes, and without this property
     * by a ServiceLoader scan of the class path each time: more CPU than the rest of an e-mail's sending. Naming Angus
     * Mail's provider lets it load the class directly (when the class cannot be loaded, it falls back to the scan).
     */
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    SmtpSender smtpSender(JavaMailSender mail, EmailProperties properties, Attachments attachments) {
        return new SmtpSender(mail, properties, attachments);
    }

    @Bean
    @ConditionalOnProperty("directline.channels.email.imap.host")
    MailboxPoller emailFetcher(EmailIntake intake, EmailProperties properties, Clock clock) {
        return new MailboxPoller(intake, properties, clock);
    }
}
