package io.directline.channel;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one intake pipeline every channel feeds: de-duplicate by the channel's message id, resolve the
 * owner by handle (a first-time sender becomes a new, unverified owner), thread into the owner's case
 * (by a known conversation key or a DL- reference in the text) or open a new one. The case module
 * publishes {@code MessageReceived} in the same transaction.
 */
@Service
public class Intake {

    private static final Pattern REFERENCE = Pattern.compile("\\bDL-(\\d{6,12})\\b");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|fw|fwd|aw|wg|sv|vs)\\s*:\\s*)+");

    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final ThreadKeys threadKeys;

    Intake(CaseManagement cases, CustomerManagement customers, ThreadKeys threadKeys) {
        this.cases = cases;
        this.customers = customers;
        this.threadKeys = threadKeys;
    }

    /**
     * Takes a message into its case. Idempotent: the same channel message id a second time changes
     * nothing and answers {@code duplicate}. Throws {@link IllegalArgumentException} for a message
     * without id, sender or text (adapters answer that as a 400 problem).
     */
    @Transactional
    public IntakeResult accept(InboundMessage message) {
        return accept(message, false);
    }

    /**
     * As {@link #accept(InboundMessage)}, but a message that continues no known conversation joins the
     * owner's most recently changed active case before it opens a new one (a phone call about whatever
     * the owner has open).
     */
    @Transactional
    public IntakeResult acceptIntoActiveCase(InboundMessage message) {
        return accept(message, true);
    }

    private IntakeResult accept(InboundMessage message, boolean joinActiveCase) {
        requireText(message.externalId(), "a message id");
        requireText(message.senderHandle(), "a sender");
        requireText(message.body(), "a text");
        var channel = message.channel();
        var earlier = cases.findReceived(channel, message.externalId());
        if (earlier.isPresent()) {
            var known = earlier.get();
            return new IntakeResult(
                    known.getCaseId(),
                    known.getId(),
                    cases.get(known.getCaseId()).getCustomerId(),
                    false,
                    true);
        }
        var owner = customers
                .findByHandle(channel, message.senderHandle())
                .orElseGet(() -> customers.registerUnverified(channel, message.senderHandle(), message.senderName()));
        var actor = new Actor("channel:" + channel.name().toLowerCase(Locale.ROOT), owner.getName(), channel);
        var existing = thread(message, owner.getId());
        if (existing.isEmpty() && joinActiveCase) {
            existing = cases.latestActiveCase(owner.getId());
        }
        long caseId;
        boolean newCase;
        if (existing.isPresent()) {
            caseId = existing.get();
            cases.receiveFromOwner(caseId, owner.getId(), message.body(), channel, message.externalId(), actor);
            newCase = false;
        } else {
            var opened = cases.open(
                    new OpenCase(
                            owner.getId(),
                            subjectOf(message),
                            message.body(),
                            channel,
                            null,
                            null,
                            null,
                            message.externalId()),
                    actor);
            caseId = opened.getId();
            if (message.publicPost()) {
                cases.markPublicThread(caseId);
            }
            newCase = true;
        }
        threadKeys.remember(channel, message.ownThreadKey(), caseId);
        message.threadKeys().forEach(key -> threadKeys.remember(channel, key, caseId));
        long messageId =
                cases.findReceived(channel, message.externalId()).orElseThrow().getId();
        return new IntakeResult(caseId, messageId, owner.getId(), newCase, false);
    }

    /** The owner's case this message continues, if it continues one that is not closed. */
    private Optional<Long> thread(InboundMessage message, long ownerId) {
        var keys = message.threadKeys();
        for (int i = keys.size() - 1; i >= 0; i--) {
            var found = threadKeys.caseOf(message.channel(), keys.get(i)).filter(id -> continuable(id, ownerId));
            if (found.isPresent()) {
                return found;
            }
        }
        for (var text : new String[] {message.subject(), message.body()}) {
            if (text == null) {
                continue;
            }
            var matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                long id = Long.parseLong(matcher.group(1));
                if (continuable(id, ownerId)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    private boolean continuable(long caseId, long ownerId) {
        return cases.findForOwner(caseId, ownerId)
                .filter(c -> c.getStatus() != CaseStatus.CLOSED)
                .isPresent();
    }

    static String subjectOf(InboundMessage message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            var subject = REPLY_PREFIX
                    .matcher(message.subject().strip())
                    .replaceFirst("")
                    .strip();
            if (!subject.isEmpty()) {
                return subject.length() > SupportCase.MAX_SUBJECT
                        ? subject.substring(0, SupportCase.MAX_SUBJECT - 3) + "..."
                        : subject;
            }
        }
        var text = PlainText.of(message.body()).strip();
        var firstLine =
                text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return "Message via " + message.channel();
        }
        return firstLine.length() > 80 ? firstLine.substring(0, 77) + "..." : firstLine;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The message has no " + what.substring(what.indexOf(' ') + 1) + ".");
        }
    }
}
