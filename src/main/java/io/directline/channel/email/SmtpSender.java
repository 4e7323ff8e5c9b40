package io.directline.channel.email;

import io.directline.cases.Attachment;
import io.directline.cases.Attachments;
import io.directline.channel.outbox.DeliveryFailure;
import io.directline.channel.outbox.OutboundDelivery;
import io.directline.channel.outbox.OutboundSender;
import io.directline.channel.outbox.SendResult;
import io.directline.customer.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Locale;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends answers over SMTP: from the support address to the owner, {@code Re: <subject> [DL-000123]},
 * threaded by {@code In-Reply-To}/{@code References} into the owner's conversation, plain text with an
 * HTML alternative. The Message-ID is made from the delivery's idempotency key, so a retry after a
 * crash sends a message with the same id (which mail clients show once) and the owner's answer
 * threads back by it. Files sent with the answer go as attachments, with the type detected when they were stored.
 */
class SmtpSender implements OutboundSender {

    /** References keeps the first key (the thread's root) and the latest ones, as RFC 5322 advises. */
    private static final int MAX_REFERENCES = 20;

    private final JavaMailSender mail;
    private final EmailProperties properties;
    private final Attachments attachments;

    SmtpSender(JavaMailSender mail, EmailProperties properties, Attachments attachments) {
        this.mail = mail;
        this.properties = properties;
        this.attachments = attachments;
    }

    @Override
    public boolean carriesFiles() {
        return true;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) throws DeliveryFailure {
        var message = compose(delivery);
        try {
            // Spring keeps an explicitly set Message-ID when it saves the message before sending
            mail.send(message);
        } catch (MailException e) {
            throw failure(e);
        }
        return SendResult.of(messageId(delivery.idempotencyKey()));
    }

    /**
     * Several messages over one SMTP connection (a broadcast's notices: a connection and its greeting per message
     * cost more than the message); the server's refusal of one is that message's failure only.
     */
    @Override
    public boolean sendsInOneGo() {
        return true;
    }

    @Override
    public List<SendOutcome> sendAll(List<OutboundDelivery> deliveries) {
        var outcomes = new java.util.ArrayList<SendOutcome>(deliveries.size());
        var messages = new java.util.ArrayList<jakarta.mail.internet.MimeMessage>();
        var slots = new java.util.ArrayList<Integer>();
        for (var delivery : deliveries) {
            try {
                messages.add(compose(delivery));
                slots.add(outcomes.size());
                outcomes.add(SendOutcome.of(() -> SendResult.of(messageId(delivery.idempotencyKey()))));
            } catch (DeliveryFailure e) {
                outcomes.add(SendOutcome.failed(e));
            }
        }
        if (messages.isEmpty()) {
            return outcomes;
        }
        try {
            mail.send(messages.toArray(jakarta.mail.internet.MimeMessage[]::new));
        } catch (MailSendException e) {
            var failed = e.getFailedMessages();
            for (int i = 0; i < messages.size(); i++) {
                var cause = failed.get(messages.get(i));
                if (cause != null || failed.isEmpty()) {
                    outcomes.set(slots.get(i), SendOutcome.failed(failure(cause == null ? e : wrap(cause))));
                }
            }
        } catch (MailException e) {
            var failure = failure(e);
            slots.forEach(slot -> outcomes.set(slot, SendOutcome.failed(failure)));
        }
        return outcomes;
    }

    private static MailException wrap(Exception cause) {
        return cause instanceof MailException mail ? mail : new MailSendException(cause.getMessage(), cause);
    }

    /** The delivery as a MIME message: a failure here is the message's, never worth a retry. */
    private jakarta.mail.internet.MimeMessage compose(OutboundDelivery delivery) throws DeliveryFailure {
        var messageId = messageId(delivery.idempotencyKey());
        InternetAddress to;
        try {
            to = new InternetAddress(delivery.recipient(), true);
            if (delivery.recipientName() != null && !delivery.recipientName().isBlank()) {
                to.setPersonal(delivery.recipientName(), "UTF-8");
            }
        } catch (AddressException | UnsupportedEncodingException | NullPointerException e) {
            throw DeliveryFailure.permanent("Not an e-mail address: " + delivery.recipient());
        }
        try {
            var message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(new InternetAddress(properties.address(), true));
            helper.setTo(to);
            helper.setSubject(subject(delivery));
            helper.setText(delivery.text(), html(delivery.html()));
            for (var file : delivery.attachments()) {
                helper.getRootMimeMultipart().addBodyPart(attachment(file));
            }
            message.setHeader("Message-ID", messageId);
            var keys = delivery.threadKeys();
            if (!keys.isEmpty()) {
                message.setHeader("In-Reply-To", keys.get(keys.size() - 1));
                message.setHeader("References", String.join(" ", references(keys)));
            }
            return message;
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryFailure("The answer could not be written as e-mail: " + e.getMessage(), true, e);
        }
    }

    /** What a refusal of the mail server (or none reached) means for the message. */
    private static DeliveryFailure failure(MailException e) {
        if (e instanceof MailAuthenticationException) {
            // our configuration, not the message: retry, it may be fixed by then
            return DeliveryFailure.transientFailure("The mail server refused our sign-in: " + e.getMessage(), e);
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return new DeliveryFailure("The answer could not be written as e-mail: " + e.getMessage(), true, e);
        }
        if (e instanceof MailSendException send) {
            boolean permanent = permanent(send);
            var reason = (permanent ? "The mail server refused the answer: " : "The mail server is unreachable: ")
                    + e.getMessage();
            return new DeliveryFailure(reason, permanent, e);
        }
        return DeliveryFailure.transientFailure(e.getMessage(), e);
    }

    /**
     * A file as a MIME part, read from the store while the message is written (never held whole in memory), always in
     * base64: a file that happens to look like text (a PDF can) must not have its line ends rewritten on the way.
     */
    private jakarta.mail.internet.MimeBodyPart attachment(Attachment file) throws MessagingException {
        var source = new jakarta.activation.DataSource() {
            @Override
            public java.io.InputStream getInputStream() throws java.io.IOException {
                return attachments.open(file);
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public String getContentType() {
                return file.contentType();
            }

            @Override
            public String getName() {
                return file.fileName();
            }
        };
        var part = new jakarta.mail.internet.MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(source));
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        try {
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(file.fileName(), "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            part.setFileName("attachment");
        }
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** {@code <dl-…@domain>}: the same for every attempt to send the same answer. */
    String messageId(String idempotencyKey) {
        var address = properties.address();
        var domain = address.substring(address.indexOf('@') + 1).strip();
        var local = idempotencyKey.replaceAll("[^A-Za-z0-9.\\-_]", "-");
        return "<" + local + "@" + (domain.isEmpty() ? "directline.invalid" : domain) + ">";
    }

    static String subject(OutboundDelivery delivery) {
        var subject =
                delivery.caseSubject() == null ? "" : delivery.caseSubject().strip();
        var reference = delivery.caseReference();
        if (reference == null) {
            return subject;
        }
        var tagged = subject.contains(reference) ? subject : (subject + " [" + reference + "]").strip();
        return tagged.regionMatches(true, 0, "Re:", 0, 3) ? tagged : "Re: " + tagged;
    }

    private static String html(String body) {
        return "<!DOCTYPE html><html><body><div style=\"white-space:pre-wrap\">" + body + "</div></body></html>";
    }

    static List<String> references(List<String> keys) {
        if (keys.size() <= MAX_REFERENCES) {
            return keys;
        }
        var kept = new java.util.ArrayList<String>();
        kept.add(keys.get(0));
        kept.addAll(keys.subList(keys.size() - (MAX_REFERENCES - 1), keys.size()));
        return kept;
    }

    /** A 5xx answer or a rejected address: sending the same again will not help. */
    static boolean permanent(MailSendException e) {
        for (var failure : e.getFailedMessages().values()) {
            if (permanentCause(failure)) {
                return true;
            }
        }
        for (var failure : e.getMessageExceptions()) {
            if (permanentCause(failure)) {
                return true;
            }
        }
        return permanentCause(e.getCause());
    }

    private static boolean permanentCause(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
            if (code >= 400) {
                return false;
            }
            if (t instanceof SendFailedException sent
                    && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0
                    && (sent.getMessage() == null
                            || !sent.getMessage().toLowerCase(Locale.ROOT).contains("try again"))) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                if (permanentCause(m.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SMTP reply code of Angus Mail's SMTP exceptions (a runtime dependency), or -1. */
    private static int returnCode(Throwable t) {
        try {
            var method = t.getClass().getMethod("getReturnCode");
            return method.getReturnType() == int.class ? (int) method.invoke(t) : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
