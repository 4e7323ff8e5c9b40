package io.directline.channel.intake;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.channel.ShortAnswers;
import io.directline.channel.outbox.NoticeReplies;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.customer.DuplicateHandleException;
import io.directline.customer.OwnerMerges;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one intake pipeline every channel feeds: de-duplicate by the channel's message id, resolve the
 * owner by account id or handle (a first-time sender becomes a new, unverified owner), thread into the
 * owner's case (by a known conversation key, as a reply to a notice sent to them, or a DL- reference in the text
 * from a sender who proves who they are) or open a new one. The case module publishes {@code MessageReceived} in the same transaction. Longer
 * than 300 lines because de-duplication, owner resolution and threading share one transaction and its retry.
 */
@Service
public class Intake {

    /** The tag of a case opened for a message that quoted a case it was not let into. */
    static final String CHECK_SENDER = "check-sender";

    /** References looked up per message: a text full of them costs a few queries, not thousands. */
    private static final int MAX_REFERENCES = 10;

    private static final Pattern REFERENCE = Pattern.compile("\\bDL-(\\d{6,12})\\b");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|fw|fwd|aw|wg|sv|vs)\\s*:\\s*)+");

    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final OwnerMerges merges;
    private final ThreadKeys threadKeys;
    private final NoticeReplies noticeReplies;
    private final List<ShortAnswers> shortAnswers;
    private final TransactionTemplate transactions;
    private final RetryTemplate conflicts = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(8)
            .delay(Duration.ofMillis(20))
            .jitter(Duration.ofMillis(15))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(500))
            .predicate(Intake::conflict)
            .build());

    Intake(
            CaseManagement cases,
            CustomerManagement customers,
            OwnerMerges merges,
            ThreadKeys threadKeys,
            NoticeReplies noticeReplies,
            List<ShortAnswers> shortAnswers,
            TransactionTemplate transactions) {
        this.cases = cases;
        this.customers = customers;
        this.merges = merges;
        this.threadKeys = threadKeys;
        this.noticeReplies = noticeReplies;
        this.shortAnswers = shortAnswers;
        this.transactions = transactions;
    }

    /**
     * Takes a message into its case. Idempotent: the same channel message id a second time changes
     * nothing and answers {@code duplicate}. Throws {@link IllegalArgumentException} for a message
     * without id, sender or text (adapters answer that as a 400 problem).
     */
    public IntakeResult accept(InboundMessage message) {
        return inTransactionRetryingConflicts(() -> accept(message, false));
    }

    /**
     * As {@link #accept(InboundMessage)}, but a message that continues no known conversation joins the
     * owner's most recently changed active case before it opens a new one (a phone call about whatever
     * the owner has open).
     */
    public IntakeResult acceptIntoActiveCase(InboundMessage message) {
        return inTransactionRetryingConflicts(() -> accept(message, true));
    }

    /**
     * Runs {@code work} in a transaction of its own and runs the whole transaction again, a few times after a
     * short random pause, when it lost a race with another writer (an optimistic-lock or unique-key conflict:
     * the same message delivered twice at once, the case changed meanwhile); the rerun finds what the other
     * writer committed. Called inside a transaction, runs {@code work} once in it: the caller, who owns the
     * transaction, must retry the whole of it (through this method).
     */
    public <T> T inTransactionRetryingConflicts(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        try {
            return conflicts.execute(() -> transactions.execute(tx -> work.get()));
        } catch (RetryException e) {
            if (e.getLastException() instanceof RuntimeException last) {
                throw last;
            }
            throw new IllegalStateException(e.getLastException());
        }
    }

    private static boolean conflict(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyFailureException
                    || t instanceof DataIntegrityViolationException
                    || t instanceof OptimisticLockException
                    || t instanceof org.hibernate.exception.ConstraintViolationException
                    // a new sender's handle another delivery registered meanwhile: the rerun finds its owner
                    || t instanceof DuplicateHandleException) {
                return true;
            }
        }
        return false;
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
        var sender = sender(message);
        var owner = sender.owner();
        if (sender.firstSeen()) {
            // an unknown handle: staff see whom it may be (never merged automatically)
            merges.suggestFor(
                    owner.getId(),
                    message.subject() == null ? message.body() : message.subject() + "\n" + message.body());
        }
        if (!sender.firstSeen()) {
            for (var answers : shortAnswers) {
                var answered = answers.take(owner.getId(), channel, message.body(), message.externalId());
                if (answered.isPresent()) {
                    return IntakeResult.shortAnswer(answered.get(), owner.getId());
                }
            }
        }
        var actor = new Actor("channel:" + channel.name().toLowerCase(Locale.ROOT), owner.getName(), channel);
        boolean proven = message.senderAuthenticated() && !sender.firstSeen();
        var threading = thread(message, owner.getId(), proven);
        var existing = threading.caseId();
        if (existing.isEmpty() && joinActiveCase && threading.refusedReference() == null) {
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
            if (threading.refusedReference() != null) {
                linkToReferenced(caseId, threading.refusedReference(), message, owner.getId(), sender.firstSeen());
            }
        }
        threadKeys.remember(channel, message.ownThreadKey(), caseId);
        message.threadKeys().forEach(key -> threadKeys.remember(channel, key, caseId));
        var stored = cases.findReceived(channel, message.externalId()).orElseThrow();
        if (!stored.isWrittenNow()) {
            // the same message committed by another delivery after this one looked: run again, to answer duplicate
            throw new ConcurrencyFailureException("Message " + message.externalId() + " arrived meanwhile");
        }
        long messageId = stored.getId();
        if (message.publicPost()) {
            cases.markPublicPost(messageId);
        }
        return new IntakeResult(caseId, messageId, owner.getId(), newCase, false);
    }

    private record Sender(Customer owner, boolean firstSeen) {}

    /** The owner who wrote, found by account id where the channel has one, else by handle; new ones registered. */
    private Sender sender(InboundMessage message) {
        var channel = message.channel();
        if (message.senderAccountId() != null && !message.senderAccountId().isBlank()) {
            var found = customers.ownerOfAccount(
                    channel, message.senderAccountId(), message.senderHandle(), message.senderName());
            return new Sender(found.customer(), found.firstSeen());
        }
        return customers
                .findByHandle(channel, message.senderHandle())
                .map(known -> new Sender(known, false))
                .orElseGet(() -> new Sender(
                        customers.registerUnverified(channel, message.senderHandle(), message.senderName()), true));
    }

    /**
     * Where a message goes by its keys and references.
     *
     * @param caseId the owner's case it continues, if it continues one that is not closed
     * @param refusedReference a case its {@code DL-} reference names that it may not join (another owner's, or
     *     the sender proves nothing); null when there is none
     */
    private record Threading(Optional<Long> caseId, SupportCase refusedReference) {}

    private Threading thread(InboundMessage message, long ownerId, boolean proven) {
        var keys = message.threadKeys();
        for (int i = keys.size() - 1; i >= 0; i--) {
            var found = threadKeys.caseOf(message.channel(), keys.get(i)).filter(id -> continuable(id, ownerId));
            if (found.isPresent()) {
                return new Threading(found, null);
            }
        }
        // a reply to a notice (a broadcast's, a personal note) goes to the case about that notice
        var notice = noticeReplies.caseForReply(message.channel(), ownerId, keys);
        if (notice.isPresent()) {
            return new Threading(notice, null);
        }
        SupportCase refused = null;
        var looked = new HashSet<Long>();
        for (var text : new String[] {message.subject(), message.body()}) {
            if (text == null) {
                continue;
            }
            var matcher = REFERENCE.matcher(text);
            while (matcher.find() && looked.size() < MAX_REFERENCES) {
                long id = Long.parseLong(matcher.group(1));
                if (!looked.add(id)) {
                    continue;
                }
                var named = cases.find(id);
                if (named.isEmpty()) {
                    continue;
                }
                boolean owners = named.get().getCustomerId() == ownerId;
                if (owners && named.get().getStatus() == CaseStatus.CLOSED) {
                    continue;
                }
                if (owners && proven) {
                    return new Threading(named.map(SupportCase::getId), null);
                }
                if (refused == null) {
                    refused = named.get();
                }
            }
        }
        return new Threading(Optional.empty(), refused);
    }

    /**
     * The new case quotes a case it was not let into: an internal note on each names the other, and the new
     * case is tagged {@value #CHECK_SENDER} so an agent checks who wrote before answering or merging.
     */
    private void linkToReferenced(
            long newCaseId, SupportCase referenced, InboundMessage message, long ownerId, boolean firstSeen) {
        var channel = message.channel();
        var system = Actor.system(channel);
        var fresh = cases.get(newCaseId);
        String why;
        if (referenced.getCustomerId() != ownerId) {
            why = "the sender is not the owner of " + referenced.reference();
        } else if (firstSeen) {
            why = "this " + channel + " account wrote for the first time, so nothing shows it is the owner";
        } else {
            why = "the sender is not authenticated (no DMARC, DKIM or SPF pass for the From domain)";
        }
        cases.addNote(
                newCaseId,
                "Quotes " + referenced.reference() + " but was not added to it: " + why
                        + ". Check who wrote before answering or moving anything across.",
                system);
        cases.addNote(
                referenced.getId(),
                "A message via " + channel + " from " + message.senderHandle().strip() + " quoted this case; it opened "
                        + fresh.reference() + " instead, because " + why + ".",
                system);
        cases.change(newCaseId, new CaseChanges(null, null, null, Set.of(CHECK_SENDER), null), system);
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
