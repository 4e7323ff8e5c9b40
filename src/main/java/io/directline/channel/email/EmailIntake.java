package io.directline.channel.email;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.channel.intake.Intake;
import io.directline.channel.intake.IntakeResult;
import io.directline.customer.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Takes one raw e-mail in, from the mailbox poller or the webhook: parses it, drops mail no person
 * wrote, and hands the rest to the {@link Intake} together with its attachment list, in one
 * transaction that has committed when this returns. When the text was too long for a case message and
 * was shortened, the raw original is kept in the same transaction and an internal note on the case links
 * staff to it.
 */
@Component
class EmailIntake {

    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);

    private final MimeMessages parser;
    private final Intake intake;
    private final EmailAttachments attachments;
    private final EmailOriginals originals;
    private final CaseManagement cases;
    private final MeterRegistry metrics;
    private final Attachments files;

    EmailIntake(
            EmailProperties properties,
            Intake intake,
            EmailAttachments attachments,
            EmailOriginals originals,
            CaseManagement cases,
            MeterRegistry metrics,
            Attachments files) {
        this.files = files;
        this.parser = new MimeMessages(
                properties.maxMessageSize().toBytes(),
                properties.maxAttachmentSize().toBytes(),
                properties.address(),
                properties.authservId());
        this.intake = intake;
        this.attachments = attachments;
        this.originals = originals;
        this.cases = cases;
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
                files.attachReceived(
                        taken.messageId(),
                        accepted.files().stream()
                                .map(f -> new Attachments.NewFile(
                                        f.name(), () -> new java.io.ByteArrayInputStream(f.content())))
                                .toList(),
                        new Actor(null, accepted.message().senderHandle(), Channel.EMAIL));
            }
            if (!taken.duplicate() && accepted.shortened()) {
                originals.keep(taken.messageId(), raw);
                cases.addNote(taken.caseId(), originalNote(accepted, taken, raw.length), Actor.system(Channel.EMAIL));
            }
            return taken;
        });
        metrics.counter("directline.email.received", "duplicate", Boolean.toString(result.duplicate()))
                .increment();
        return new Taken(result);
    }

    /** The internal note that tells staff a message was shortened and where its original is. */
    private static String originalNote(MimeMessages.Accepted accepted, IntakeResult taken, long size) {
        return "The e-mail from " + HtmlUtils.htmlEscape(accepted.message().senderHandle(), "UTF-8")
                + " was longer than a message holds, so the case shows only its first part. Its full original ("
                + EscapedText.humanSize(size) + ") is kept for staff: <a href=\""
                + EmailOriginalController.screenPath(taken.caseId(), taken.messageId())
                + "\">download the original e-mail</a> (API: GET "
                + EmailOriginalController.apiPath(taken.caseId(), taken.messageId()) + ").";
    }
}
