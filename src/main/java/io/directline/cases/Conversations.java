package io.directline.cases;

import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.audit.CaseAudit;
import io.directline.cases.audit.CaseTrail;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes cases' conversations: the owner's first message that opens a case, the owner's later messages, staff answers,
 * automatic notices, internal notes and imported history. {@link CaseManagement} holds the transactions and the
 * contracts; this class runs inside them.
 */
@Component
class Conversations {

    /** The author recorded on an imported message that names none. */
    static final String IMPORTED_AUTHOR = "import";

    private final SupportCaseRepository cases;
    private final CaseMessageRepository messages;
    private final CaseTrail trail;
    private final CustomerManagement customers;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;
    private final Clock clock;

    Conversations(
            SupportCaseRepository cases,
            CaseMessageRepository messages,
            CaseTrail trail,
            CustomerManagement customers,
            ApplicationEventPublisher events,
            CaseMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.trail = trail;
        this.customers = customers;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    SupportCase open(OpenCase command, Actor actor) {
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
        trail.record(supportCase, now, actor, "OPENED", "Opened via " + channel + ": " + supportCase.getSubject());
        events.publishEvent(
                new CaseOpened(supportCase.getId(), customer.getId(), channel, supportCase.getPriority(), now));
        events.publishEvent(new MessageReceived(supportCase.getId(), message.getId(), customer.getId(), channel, now));
        metrics.caseOpened(channel);
        metrics.message(Direction.INBOUND, channel);
        return supportCase;
    }

    SupportCase openFromCompany(
            long customerId, String subject, String body, String holder, String team, String orderId, Actor actor) {
        SupportCase.subject(subject);
        SupportCase.team(team);
        SupportCase.orderId(orderId);
        var customer = customers.find(customerId).orElseThrow(() -> CaseProblems.unknownCustomer(customerId));
        var text = MessageText.of(body);
        var now = clock.instant();
        var channel = customer.getPreferredChannel();
        var supportCase =
                cases.save(new SupportCase(customer.getId(), subject, channel, Priority.NORMAL, team, orderId, now));
        supportCase.assignTo(holder, now);
        supportCase.moveTo(CaseStatus.WAITING_ON_CUSTOMER, now);
        messages.save(new CaseMessage(supportCase.getId(), Direction.OUTBOUND, channel, actor, text, null, now));
        trail.record(
                supportCase,
                now,
                actor,
                "OPENED",
                "Opened by " + actor.displayName() + " writing to the owner via " + channel + ": "
                        + supportCase.getSubject());
        metrics.message(Direction.OUTBOUND, channel);
        return supportCase;
    }

    CaseMessage receiveFromOwner(
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
        trail.statusChanged(supportCase, from, now, actor, "owner wrote");
        var message = messages.save(new CaseMessage(caseId, Direction.INBOUND, channel, actor, text, externalId, now));
        trail.record(supportCase, now, actor, "MESSAGE_RECEIVED", "Owner wrote via " + channel);
        events.publishEvent(new MessageReceived(caseId, message.getId(), customerId, channel, now));
        metrics.message(Direction.INBOUND, channel);
        return message;
    }

    CaseMessage reply(long caseId, String body, Channel channel, Actor actor) {
        var supportCase = get(caseId);
        var text = MessageText.of(body);
        var now = clock.instant();
        var via = channel != null ? channel : supportCase.getChannel();
        var from = supportCase.companyReplied(now);
        trail.statusChanged(supportCase, from, now, actor, "first answer");
        var message = messages.save(new CaseMessage(caseId, Direction.OUTBOUND, via, actor, text, null, now));
        trail.record(supportCase, now, actor, "REPLIED", "Answered via " + via);
        events.publishEvent(new ReplyPosted(
                caseId, message.getId(), supportCase.getCustomerId(), via, actor.displayName(), now, false));
        metrics.message(Direction.OUTBOUND, via);
        return message;
    }

    CaseMessage notifyOwner(long caseId, String body, Actor actor) {
        var supportCase = get(caseId);
        if (supportCase.getStatus() == CaseStatus.CLOSED) {
            throw CaseProblems.closed(supportCase.reference());
        }
        var text = MessageText.of(body);
        var now = clock.instant();
        var via = supportCase.getChannel();
        supportCase.touch(now);
        var message = messages.save(new CaseMessage(caseId, Direction.OUTBOUND, via, actor, text, null, now));
        trail.record(supportCase, now, actor, "OWNER_NOTIFIED", "Automatic notice via " + via);
        events.publishEvent(new ReplyPosted(
                caseId, message.getId(), supportCase.getCustomerId(), via, actor.displayName(), now, true));
        metrics.message(Direction.OUTBOUND, via);
        return message;
    }

    CaseMessage addNote(long caseId, String body, Actor actor) {
        var supportCase = get(caseId);
        var text = MessageText.of(body);
        var now = clock.instant();
        supportCase.touch(now);
        var message =
                messages.save(new CaseMessage(caseId, Direction.INTERNAL, actor.channel(), actor, text, null, now));
        trail.record(supportCase, now, actor, "NOTE_ADDED", null);
        return message;
    }

    List<Long> importCases(List<ImportedCase> imported) {
        var saved = cases.saveAll(imported.stream().map(SupportCase::imported).toList());
        var importedMessages = new ArrayList<CaseMessage>();
        var lines = new ArrayList<CaseAudit>();
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
            lines.add(new CaseAudit(
                    supportCase.getId(), source.openedAt(), Actor.system(source.channel()), "IMPORTED", null));
        }
        messages.saveAll(importedMessages);
        trail.recordAll(lines);
        return saved.stream().map(SupportCase::getId).toList();
    }

    Optional<CaseMessage> alreadyReceived(Channel channel, String externalId) {
        return externalId == null ? Optional.empty() : messages.findByChannelAndExternalId(channel, externalId);
    }

    private SupportCase get(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> CaseProblems.caseNotFound(caseId));
    }
}
