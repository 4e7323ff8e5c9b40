package io.directline.cases;




import io.directline.cases.inbox.CaseSearch;
import io.directline.cases.audit.CaseAuditRepository;
import io.directline.cases.audit.CaseAudit;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's API: opens cases, takes messages from owners and staff, changes status,
 * assignment, priority and tags, and records each change in the audit trail. Every method that
 * changes state publishes its events in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class CaseManagement {

    /**
     * The longest message text taken, in UTF-8 bytes as given (64 KiB): a longer one is refused with a 413
     * problem, so a channel that must take every owner's message shortens it first.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** The author recorded on an imported message that names none. */
    private static final String IMPORTED_AUTHOR = "import";

    /** The authors recorded on answers nobody on the staff wrote: automatic notices and imported history. */
    private static final Set<String> AUTOMATIC_AUTHORS =
            Set.of(Actor.system(Channel.PORTAL).username(), IMPORTED_AUTHOR);

    private final SupportCaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseAuditRepository audit;
    private final CaseSearch search;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;
    private final Clock clock;

    CaseManagement(
            SupportCaseRepository cases,
            CaseMessageRepository messages,
            CaseAuditRepository audit,
            CaseSearch search,
            CustomerManagement customers,
            UserManagement users,
            ApplicationEventPublisher events,
            CaseMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.search = search;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
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
        SupportCase.subject(command.subject());
        SupportCase.team(command.team());
        SupportCase.orderId(command.orderId());
        var customer = customers
                .find(command.customerId())
                .orElseThrow(() -> CaseProblems.unknownCustomer(command.customerId()));
        var channel = command.channel() != null ? command.channel() : customer.getPreferredChannel();
        var earlier = alreadyReceived(channel, command.externalId());
        if (earlier.isPresent()) {
            return get(earlier.get().getCaseId());
        }
        var body = MessageText.of(command.body());
        var now = clock.instant();
        var supportCase = cases.save(new SupportCase(
                customer.getId(),
                command.subject(),
                channel,
                command.priority(),
                command.team(),
                command.orderId(),
                now));
        var ownerVoice = new Actor(actor.username(), customer.getName(), actor.channel());
        var message = messages.save(new CaseMessage(
                supportCase.getId(), Direction.INBOUND, channel, ownerVoice, body, command.externalId(), now));
        record(supportCase, now, actor, "OPENED", "Opened via " + channel + ": " + supportCase.getSubject());
        events.publishEvent(
                new CaseOpened(supportCase.getId(), customer.getId(), channel, supportCase.getPriority(), now));
        events.publishEvent(new MessageReceived(supportCase.getId(), message.getId(), customer.getId(), channel, now));
        metrics.caseOpened(channel);
        metrics.message(Direction.INBOUND, channel);
        return supportCase;
    }

    /**
     * The owner wrote on their case. A resolved or waiting case reopens. Throws a 404 problem when the
     * case is not this owner's, and a 409 problem when it is closed. Idempotent by {@code externalId}
     * per channel: a message that already arrived is returned as it was.
     */
    @Transactional
    public CaseMessage receiveFromOwner(
            long caseId, long customerId, String body, Channel channel, String externalId, Actor actor) {
        var supportCase =
                cases.findByIdAndCustomerId(caseId, customerId).orElseThrow(() -> CaseProblems.caseNotFound(caseId));
        var earlier = alreadyReceived(channel, externalId).filter(m -> m.getCaseId() == caseId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var text = MessageText.of(body);
        var now = clock.instant();
        var from = supportCase.ownerWrote(now);
        statusChanged(supportCase, from, now, actor, "owner wrote");
        var message = messages.save(new CaseMessage(caseId, Direction.INBOUND, channel, actor, text, externalId, now));
        record(supportCase, now, actor, "MESSAGE_RECEIVED", "Owner wrote via " + channel);
        events.publishEvent(new MessageReceived(caseId, message.getId(), customerId, channel, now));
        metrics.message(Direction.INBOUND, channel);
        return message;
    }

    /** A staff member answers the owner, on {@code channel} or, when null, the case's channel. */
    @Transactional
    public CaseMessage reply(long caseId, String body, Channel channel, Actor actor) {
        return reply(caseId, body, channel, actor, null);
    }

    /**
     * A staff member answers the owner after reading the conversation with {@code ownerMessagesSeen} messages from the
     * owner in it (null: unknown). Throws a 409 problem, storing nothing, when the owner wrote again since: the answer
     * may no longer fit.
     */
    @Transactional
    public CaseMessage reply(long caseId, String body, Channel channel, Actor actor, Integer ownerMessagesSeen) {
        var supportCase = get(caseId);
        if (ownerMessagesSeen != null && ownerWroteSince(caseId, ownerMessagesSeen)) {
            throw CaseProblems.ownerWroteMeanwhile();
        }
        var text = MessageText.of(body);
        var now = clock.instant();
        var via = channel != null ? channel : supportCase.getChannel();
        var from = supportCase.companyReplied(now);
        statusChanged(supportCase, from, now, actor, "first answer");
        var message = messages.save(new CaseMessage(caseId, Direction.OUTBOUND, via, actor, text, null, now));
        record(supportCase, now, actor, "REPLIED", "Answered via " + via);
        events.publishEvent(new ReplyPosted(
                caseId, message.getId(), supportCase.getCustomerId(), via, actor.displayName(), now, false));
        metrics.message(Direction.OUTBOUND, via);
        return message;
    }

    /**
     * Sends the owner a notice Direct Line writes by itself (such as "we are late, here is who has your
     * case now") on the case's channel. It is not an answer: the case's status and the owner's waiting
     * stay as they are. Throws a 409 problem when the case is closed.
     */
    @Transactional
    public CaseMessage notifyOwner(long caseId, String body, Actor actor) {
        var supportCase = get(caseId);
        if (supportCase.getStatus() == CaseStatus.CLOSED) {
            throw CaseProblems.closed(supportCase.reference());
        }
        var text = MessageText.of(body);
        var now = clock.instant();
        var via = supportCase.getChannel();
        supportCase.touch(now);
        var message = messages.save(new CaseMessage(caseId, Direction.OUTBOUND, via, actor, text, null, now));
        record(supportCase, now, actor, "OWNER_NOTIFIED", "Automatic notice via " + via);
        events.publishEvent(new ReplyPosted(
                caseId, message.getId(), supportCase.getCustomerId(), via, actor.displayName(), now, true));
        metrics.message(Direction.OUTBOUND, via);
        return message;
    }

    /**
     * Hands a case up the escalation ladder to {@code holder}, a staff username, recording the reason on
     * the case's trail. Throws a 400 problem when the holder is not an active staff member.
     */
    @Transactional
    public SupportCase escalate(long caseId, String holder, String reason, Actor actor) {
        var supportCase = get(caseId);
        if (users.staffMember(holder).isEmpty()) {
            throw CaseProblems.unknownAssignee(holder);
        }
        var now = clock.instant();
        var before = supportCase.getAssignee();
        supportCase.assignTo(holder, now);
        record(
                supportCase,
                now,
                actor,
                "ESCALATED",
                (before == null ? "Unassigned" : before) + " → " + holder + ": " + reason);
        return supportCase;
    }

    /**
     * Records when the case next breaches an SLA target (null: no clock is running), which the inbox sorts
     * by. Not a change anyone made, so it is neither audited nor counted as an update.
     */
    @Transactional
    public void scheduleSla(long caseId, Instant dueAt) {
        get(caseId).scheduleSla(dueAt);
    }

    /** An internal note: staff see it, the owner never does. */
    @Transactional
    public CaseMessage addNote(long caseId, String body, Actor actor) {
        var supportCase = get(caseId);
        var text = MessageText.of(body);
        var now = clock.instant();
        supportCase.touch(now);
        var message =
                messages.save(new CaseMessage(caseId, Direction.INTERNAL, actor.channel(), actor, text, null, now));
        record(supportCase, now, actor, "NOTE_ADDED", null);
        return message;
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
        var supportCase = get(caseId);
        // all input is checked before anything changes
        var team = changes.team() == null ? null : SupportCase.team(changes.team());
        var tags = changes.tags() == null ? null : SupportCase.tags(changes.tags());
        var now = clock.instant();
        if (changes.status() != null) {
            var from = supportCase.moveTo(changes.status(), now);
            statusChanged(supportCase, from, now, actor, null);
        }
        if (changes.assignee() != null) {
            var assignee =
                    changes.assignee().isBlank() ? null : changes.assignee().strip();
            if (assignee != null && users.staffMember(assignee).isEmpty()) {
                throw CaseProblems.unknownAssignee(assignee);
            }
            if (!Objects.equals(assignee, supportCase.getAssignee())) {
                supportCase.assignTo(assignee, now);
                record(
                        supportCase,
                        now,
                        actor,
                        "ASSIGNED",
                        assignee == null ? "Unassigned" : "Assigned to " + assignee);
            }
        }
        if (changes.team() != null) {
            if (!Objects.equals(team, supportCase.getTeam())) {
                supportCase.moveToTeam(team, now);
                record(supportCase, now, actor, "TEAM_CHANGED", team == null ? "No team" : "Team " + team);
            }
        }
        if (changes.priority() != null && changes.priority() != supportCase.getPriority()) {
            var before = supportCase.getPriority();
            supportCase.prioritize(changes.priority(), now);
            record(supportCase, now, actor, "PRIORITY_CHANGED", before + " → " + changes.priority());
            events.publishEvent(
                    new CasePriorityChanged(caseId, supportCase.getCustomerId(), before, changes.priority(), now));
        }
        if (tags != null && supportCase.retag(tags, now)) {
            record(supportCase, now, actor, "TAGS_CHANGED", String.join(", ", supportCase.getTags()));
        }
        return supportCase;
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
        var saved = cases.saveAll(imported.stream().map(SupportCase::imported).toList());
        var importedMessages = new ArrayList<CaseMessage>();
        var trail = new ArrayList<CaseAudit>();
        for (int i = 0; i < saved.size(); i++) {
            var supportCase = saved.get(i);
            var source = imported.get(i);
            for (var m : source.messages()) {
                importedMessages.add(new CaseMessage(
                        supportCase.getId(),
                        m.direction(),
                        source.channel(),
                        new Actor(
                                m.authorUser() == null ? IMPORTED_AUTHOR : m.authorUser(),
                                m.author(),
                                source.channel()),
                        MessageText.of(m.body()),
                        null,
                        m.at()));
            }
            trail.add(new CaseAudit(
                    supportCase.getId(), source.openedAt(), Actor.system(source.channel()), "IMPORTED", null));
        }
        messages.saveAll(importedMessages);
        audit.saveAll(trail);
        return saved.stream().map(SupportCase::getId).toList();
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
        return alreadyReceived(channel, externalId);
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

    public CaseSlice search(CaseFilter filter, int page, int size) {
        return search.find(filter, page, size);
    }

    private Optional<CaseMessage> alreadyReceived(Channel channel, String externalId) {
        return externalId == null ? Optional.empty() : messages.findByChannelAndExternalId(channel, externalId);
    }

    private void statusChanged(SupportCase supportCase, CaseStatus from, Instant now, Actor actor, String why) {
        if (from == supportCase.getStatus()) {
            return;
        }
        record(
                supportCase,
                now,
                actor,
                "STATUS_CHANGED",
                from + " → " + supportCase.getStatus() + (why == null ? "" : " (" + why + ")"));
        events.publishEvent(
                new CaseStatusChanged(supportCase.getId(), from, supportCase.getStatus(), actor.username(), now));
    }

    private void record(SupportCase supportCase, Instant now, Actor actor, String action, String detail) {
        audit.save(new CaseAudit(supportCase.getId(), now, actor, action, detail));
    }
}
