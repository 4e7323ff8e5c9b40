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
