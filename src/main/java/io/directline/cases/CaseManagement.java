package io.directline.cases;

import io.directline.cases.audit.CaseAudit;
import io.directline.cases.audit.CaseAuditRepository;
import io.directline.cases.inbox.CaseSearch;
import io.directline.customer.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's API: reads of cases and their conversations, and the named writes other modules and the
 * module's own screens make: {@link #open} and {@link #receiveFromOwner} (intake and the portal), {@link #reply},
 * {@link #notifyOwner} and {@link #addNote}, {@link #change} and {@link #escalate} (the ladder), {@link #scheduleSla}
 * (the SLA clocks), {@link #recordDelivery} (the outbox), {@link #markPublicThread}/{@link #markPublicPost} (social
 * intake) and {@link #importCases}. Each write is one transaction; a change someone makes is recorded on the case's
 * audit trail, and events are published in the same transaction. Slightly over 300 lines because each method carries its contract for the other
 * modules; the work is done by {@code Conversations} and {@code CaseEdits}.
 */
@Service
@Transactional(readOnly = true)
public class CaseManagement {

    /**
     * The longest message text taken, in UTF-8 bytes as given (64 KiB): a longer one is refused with a 413
     * problem, so a channel that must take every owner's message shortens it first.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** The authors recorded on answers nobody on the staff wrote: automatic notices and imported history. */
    private static final Set<String> AUTOMATIC_AUTHORS =
            Set.of(Actor.system(Channel.PORTAL).username(), Conversations.IMPORTED_AUTHOR);

    private final SupportCaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseAuditRepository audit;
    private final CaseSearch search;
    private final Conversations conversations;
    private final CaseEdits edits;
    private final Attachments attachments;
    private final CaseStakeRows stakes;

    CaseManagement(
            SupportCaseRepository cases,
            CaseMessageRepository messages,
            CaseAuditRepository audit,
            CaseSearch search,
            Conversations conversations,
            CaseEdits edits,
            Attachments attachments,
            CaseStakeRows stakes) {
        this.attachments = attachments;
        this.stakes = stakes;
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.search = search;
        this.conversations = conversations;
        this.edits = edits;
    }

    /**
     * A new case with the owner's first message.
     *
     * @param channel where the owner asked; null means the owner's preferred channel
     * @param externalId the channel's id of the first message, unique per channel; may be null
     */
    public record OpenCase(
            long customerId,
            String subject,
            String body,
            Channel channel,
            Priority priority,
            String team,
            String orderId,
            String externalId) {}

    /**
     * Opens a case; throws a 400 problem for an unknown owner, for a blank or too long subject, and for a team or
     * order number over its limit ({@link SupportCase#MAX_SUBJECT} and the others), and a 413 problem for a message
     * over 64 KiB.
     * Idempotent: when a message with the command's external id already arrived on that channel, the
     * case it belongs to is returned and nothing new is stored.
     */
    @Transactional
    public SupportCase open(OpenCase command, Actor actor) {
        return conversations.open(command, actor);
    }

    /**
     * Opens a case the company starts by writing to the owner (an executive's personal note): {@code body} is its first
     * message, outbound, on the owner's preferred channel; the case is held by {@code holder} in {@code team} and waits
     * on the owner, so their reply threads into it. The caller delivers the message (as a notice), so no
     * {@link ReplyPosted} is published and no SLA clock starts. Throws a 400 problem for an unknown owner or a blank or
     * too long subject or team, and a 413 problem for a message over 64 KiB; the caller vouches that the holder is
     * staff.
     */
    @Transactional
    public SupportCase openFromCompany(
            long customerId, String subject, String body, String holder, String team, Actor actor) {
        return conversations.openFromCompany(customerId, subject, body, holder, team, null, actor);
    }

    /**
     * As {@link #openFromCompany(long, String, String, String, String, Actor)}, for a case about an order (its number,
     * or null) that nobody holds yet when {@code holder} is null (it waits in the queue once the owner writes).
     * Throws a 400 problem for an order number over {@link SupportCase#MAX_ORDER_ID} as well.
     */
    @Transactional
    public SupportCase openFromCompany(
            long customerId, String subject, String body, String holder, String team, String orderId, Actor actor) {
        return conversations.openFromCompany(customerId, subject, body, holder, team, orderId, actor);
    }

    /**
     * The owner wrote on their case. A resolved or waiting case reopens. Throws a 404 problem when the
     * case is not this owner's, and a 409 problem when it is closed. Idempotent by {@code externalId}
     * per channel: a message that already arrived is returned as it was.
     */
    @Transactional
    public CaseMessage receiveFromOwner(
            long caseId, long customerId, String body, Channel channel, String externalId, Actor actor) {
        return conversations.receiveFromOwner(caseId, customerId, body, channel, externalId, actor);
    }

    /**
     * The owner wrote on their case with files attached ({@link Attachments#attach}'s refusals apply, and then nothing
     * is stored). Idempotent like {@link #receiveFromOwner(long, long, String, Channel, String, Actor)}: a message that
     * already arrived is returned as it was and the files are not stored again.
     */
    @Transactional
    public CaseMessage receiveFromOwner(
            long caseId,
            long customerId,
            String body,
            Channel channel,
            String externalId,
            Actor actor,
            List<Attachments.NewFile> files) {
        var message = conversations.receiveFromOwner(caseId, customerId, body, channel, externalId, actor);
        if (message.isWrittenNow() && !files.isEmpty()) {
            attachments.attach(message.getId(), files, actor);
        }
        return message;
    }

    /**
     * A staff member answers the owner with files attached, which travel with the answer (as e-mail attachments, or
     * as a link to the portal on channels that carry no files); {@link Attachments#attach}'s refusals apply.
     */
    @Transactional
    public CaseMessage reply(long caseId, String body, Channel channel, Actor actor, List<Attachments.NewFile> files) {
        var message = conversations.reply(caseId, body, channel, actor);
        if (!files.isEmpty()) {
            attachments.attach(message.getId(), files, actor);
        }
        return message;
    }

    /** An internal note with files attached; the owner never sees either. */
    @Transactional
    public CaseMessage addNote(long caseId, String body, Actor actor, List<Attachments.NewFile> files) {
        var message = conversations.addNote(caseId, body, actor);
        if (!files.isEmpty()) {
            attachments.attach(message.getId(), files, actor);
        }
        return message;
    }

    /** A staff member answers the owner, on {@code channel} or, when null, the case's channel. */
    @Transactional
    public CaseMessage reply(long caseId, String body, Channel channel, Actor actor) {
        return conversations.reply(caseId, body, channel, actor);
    }

    /**
     * Sends the owner a notice Direct Line writes by itself (such as "we are late, here is who has your
     * case now") on the case's channel. It is not an answer: the case's status and the owner's waiting
     * stay as they are. Throws a 409 problem when the case is closed.
     */
    @Transactional
    public CaseMessage notifyOwner(long caseId, String body, Actor actor) {
        return conversations.notifyOwner(caseId, body, actor);
    }

    /**
     * Hands a case up the escalation ladder to {@code holder}, a staff username, recording the reason on
     * the case's trail. Throws a 400 problem when the holder is not an active staff member.
     */
    @Transactional
    public SupportCase escalate(long caseId, String holder, String reason, Actor actor) {
        return edits.escalate(caseId, holder, reason, actor);
    }

    /**
     * Records when the case next breaches an SLA target (null: no clock is running), which the inbox sorts
     * by. Not a change anyone made, so it is neither audited nor counted as an update.
     */
    @Transactional
    public void scheduleSla(long caseId, Instant dueAt) {
        get(caseId).scheduleSla(dueAt);
        stakes.deadlineMoved(caseId, dueAt);
    }

    /**
     * Records what is at stake on every case of the owner that is not closed (see {@link CaseStakes}): each moves
     * {@code minutes} ahead of its SLA deadline in the "most at stake first" order, with {@code reason} as the words
     * of it. Not a change anyone made, so it is neither audited nor counted as an update.
     */
    @Transactional
    public void stake(long customerId, int minutes, String reason) {
        stakes.stake(customerId, minutes, reason);
    }

    /** An internal note: staff see it, the owner never does. */
    @Transactional
    public CaseMessage addNote(long caseId, String body, Actor actor) {
        return conversations.addNote(caseId, body, actor);
    }

    /**
     * Changes to a case; null fields stay as they are.
     *
     * @param assignee a staff username, or an empty string to unassign
     * @param team a team name, or an empty string for none
     */
    public record CaseChanges(CaseStatus status, String assignee, Priority priority, Set<String> tags, String team) {}

    /**
     * Applies the changes, all or none; throws a 409 problem for a status move the lifecycle forbids and a 400 problem
     * for an unknown assignee, a team name over {@link SupportCase#MAX_TEAM} characters or tags over their limits.
     */
    @Transactional
    public SupportCase change(long caseId, CaseChanges changes, Actor actor) {
        return edits.change(caseId, changes, actor);
    }

    /** A message of a case brought over from elsewhere, with its original time. */
    public record ImportedMessage(Direction direction, String author, String authorUser, String body, Instant at) {}

    /** A case brought over from elsewhere (a previous helpdesk, demo data), with its history. */
    public record ImportedCase(
            long customerId,
            String subject,
            Channel channel,
            Priority priority,
            CaseStatus status,
            String assignee,
            String team,
            Set<String> tags,
            Instant openedAt,
            List<ImportedMessage> messages) {}

    /**
     * Stores cases as they were, in batches, without publishing events: their history already happened.
     * The caller vouches that owners and assignees exist. Returns the new case ids in order.
     */
    @Transactional
    public List<Long> importCases(List<ImportedCase> imported) {
        return conversations.importCases(imported);
    }

    /** One message; throws a 404 problem for an unknown id. */
    public CaseMessage message(long messageId) {
        return messages.findById(messageId)
                .orElseThrow(() -> CaseProblems.problem(
                        org.springframework.http.HttpStatus.NOT_FOUND,
                        "Message not found",
                        "There is no message with id " + messageId + "."));
    }

    /** The message that arrived on {@code channel} with this channel id, if one did. */
    public Optional<CaseMessage> findReceived(Channel channel, String externalId) {
        return conversations.alreadyReceived(channel, externalId);
    }

    /** The owner's most recently changed case that is still active (neither resolved nor closed), if any. */
    public Optional<Long> latestActiveCase(long customerId) {
        var active = EnumSet.allOf(CaseStatus.class);
        active.removeIf(status -> !status.isActive());
        return cases.findFirstByCustomerIdAndStatusInOrderByUpdatedAtDescIdDesc(customerId, active)
                .map(SupportCase::getId);
    }

    /**
     * How many active cases (neither resolved nor closed) each of these staff members is assigned, in one query;
     * a staff member without any has 0. Never null.
     */
    public Map<String, Long> activeCasesAssignedTo(Collection<String> usernames) {
        var counts = new HashMap<String, Long>();
        usernames.forEach(u -> counts.put(u, 0L));
        if (!usernames.isEmpty()) {
            for (var row : cases.countByAssigneeInAndStatusNotIn(
                    Set.copyOf(usernames), EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED))) {
                counts.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    /**
     * The staff who answered the case's owner, most recent first and each once, at most {@code limit}: those who
     * answered on this case, then those who answered on the owner's other cases. Automatic notices do not count, nor
     * do imported answers without an author. Usernames, which may name staff no longer enabled; never null. Throws a
     * 404 problem for an unknown case.
     */
    public List<String> answeredOwnerBefore(long caseId, int limit) {
        var supportCase = get(caseId);
        var page = PageRequest.of(0, limit);
        var authors = new LinkedHashSet<String>(messages.findAnswerAuthorsOnCase(caseId, AUTOMATIC_AUTHORS, page));
        if (authors.size() < limit) {
            authors.addAll(messages.findAnswerAuthorsOnOtherCases(
                    supportCase.getCustomerId(), caseId, AUTOMATIC_AUTHORS, page));
        }
        return authors.stream().limit(limit).toList();
    }

    /** Marks a case as begun in public (a social-network mention). */
    @Transactional
    public void markPublicThread(long caseId) {
        get(caseId).markPublicThread();
    }

    /** Marks an owner's message as posted in public (a social-network mention, not a private message). */
    @Transactional
    public void markPublicPost(long messageId) {
        messages.findById(messageId).ifPresent(CaseMessage::markPublicPost);
    }

    /**
     * Whether an answer goes out in public on {@code channel}: only when the message it answers, the owner's latest
     * on that channel before the answer was written, was a public post. A private message is never answered in
     * public, even on a case a public mention opened. Throws a 404 problem for an unknown answer.
     */
    public boolean answersPublicPost(long answerId, Channel channel) {
        var answer = message(answerId);
        return messages.findFirstByCaseIdAndDirectionAndChannelAndCreatedAtLessThanEqualOrderByCreatedAtDescIdDesc(
                        answer.getCaseId(), Direction.INBOUND, channel, answer.getCreatedAt())
                .filter(CaseMessage::isPublicPost)
                .isPresent();
    }

    /** Records where an answer stands on its way to the owner, shown on the case. */
    @Transactional
    public void recordDelivery(long messageId, DeliveryState state, String detail) {
        messages.findById(messageId).ifPresent(m -> m.delivery(state, detail));
    }

    /** Whether the owner has written more than {@code ownerMessagesSeen} messages on the case. */
    public boolean ownerWroteSince(long caseId, int ownerMessagesSeen) {
        return messages.countByCaseIdAndDirection(caseId, Direction.INBOUND) > ownerMessagesSeen;
    }

    /** Never null; throws a 404 problem for an unknown id. */
    public SupportCase get(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> CaseProblems.caseNotFound(caseId));
    }

    /** The case if it belongs to this owner; a 404 problem otherwise, so other owners' cases stay invisible. */
    public SupportCase getForOwner(long caseId, long customerId) {
        return cases.findByIdAndCustomerId(caseId, customerId).orElseThrow(() -> CaseProblems.caseNotFound(caseId));
    }

    /** The case, whoever's it is, if it exists. */
    public Optional<SupportCase> find(long caseId) {
        return cases.findById(caseId);
    }

    /** The case if it exists and belongs to this owner. */
    public Optional<SupportCase> findForOwner(long caseId, long customerId) {
        return cases.findByIdAndCustomerId(caseId, customerId);
    }

    /** The conversation, oldest first; internal notes only when asked for. */
    public List<CaseMessage> conversation(long caseId, boolean withInternalNotes) {
        return withInternalNotes
                ? messages.findByCaseIdOrderByCreatedAtAscIdAsc(caseId)
                : messages.findPublicByCaseId(caseId);
    }

    public List<CaseAudit> auditTrail(long caseId) {
        return audit.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    /** At most {@code limit} cases whose order number starts with {@code prefix} (or is it), by order number. */
    public List<SupportCase> withOrderIdPrefix(String prefix, int limit) {
        return cases.findByOrderIdStartingWithOrderByOrderIdAscIdAsc(prefix, Limit.of(limit));
    }

    public CaseSlice search(CaseFilter filter, int page, int size) {
        return search.find(filter, page, size);
    }
}
