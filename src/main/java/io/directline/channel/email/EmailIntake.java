package io.directline.channel.email;

import io.directline.channel.Intake;
import io.directline.channel.IntakeResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one raw e-mail in, from the mailbox poller or the webhook: parses it, drops mail no person
 * wrote, and hands the rest to the {@link Intake} together with its attachment list, in one
 * transaction that has committed when this returns.
 */
@Component
class EmailIntake {

    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);

    private final MimeMessages parser;
    private final Intake intake;
    private final EmailAttachments attachments;
    private final MeterRegistry metrics;

    EmailIntake(EmailProperties properties, Intake intake, EmailAttachments attachments, MeterRegistry metrics) {
        this.parser = new MimeMessages(
                properties.maxMessageSize().toBytes(),
                properties.maxAttachmentSize().toBytes(),
                properties.address(),
                properties.authservId());
        this.intake = intake;
        this.attachments = attachments;
        this.metrics = metrics;
    }

    /** What became of a message. */
    sealed interface Outcome permits Taken, Ignored {}

    record Taken(IntakeResult result) implements Outcome {}

    record Ignored(String category, String detail) implements Outcome {}

    long maxMessageSize() {
        return parser.maxSize();
    }

    MimeMessages.Rejected tooLarge(long size) {
        return parser.tooLarge(size);
    }

    /**
     * Takes the message in. Throws {@link MimeMessages.Rejected} for one that cannot be read or is too
     * large, and {@link IllegalArgumentException} for one without text.
     */
    Outcome take(byte[] raw) {
        var parsed = parser.parse(raw);
        if (parsed instanceof MimeMessages.Ignored ignored) {
            metrics.counter("directline.email.ignored", "reason", ignored.category())
                    .increment();
            log.info("Ignored an e-mail no person wrote: {}", ignored.detail());
            return new Ignored(ignored.category(), ignored.detail());
        }
        var accepted = (MimeMessages.Accepted) parsed;
        var result = intake.inTransactionRetryingConflicts(() -> {
            var taken = intake.accept(accepted.message());
            if (!taken.duplicate() && !accepted.attachments().isEmpty()) {
                attachments.record(taken.messageId(), accepted.attachments());
            }
            return taken;
        });
        metrics.counter("directline.email.received", "duplicate", Boolean.toString(result.duplicate()))
                .increment();
        return new Taken(result);
    }
}
