package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.SupportCase;
import io.directline.escalation.guard.AttemptRecord;
import io.directline.escalation.guard.AttemptRecordRepository;
import io.directline.sla.Promise;
import io.directline.sla.PromiseStatus;
import io.directline.sla.Promises;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive office's work on escalations: its queue and each case's trail, and its actions — approve, refuse,
 * answer, hand back, close, mark frivolous. Every action is a step on the escalation's trail.
 */
@Service
@Transactional(readOnly = true)
class ExecutiveOffice {

    private final ExecutiveEscalationRepository escalations;
    private final EscalationStepRepository steps;
    private final AttemptRecordRepository attempts;
    private final CaseManagement cases;
    private final Promises promises;
    private final ExecutiveRouting routing;
    private final Clock clock;

    ExecutiveOffice(
            ExecutiveEscalationRepository escalations,
            EscalationStepRepository steps,
            AttemptRecordRepository attempts,
            CaseManagement cases,
            Promises promises,
            ExecutiveRouting routing,
            Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.attempts = attempts;
        this.cases = cases;
        this.promises = promises;
        this.routing = routing;
        this.clock = clock;
    }

    /** Escalations in {@code states}, the most pressing first. */
    List<ExecutiveEscalation> queue(Set<EscalationState> states, int limit) {
        return escalations.queue(states, PageRequest.of(0, limit));
    }

    /** A 404 problem for an unknown case. */
    void requireCase(long caseId) {
        cases.get(caseId);
    }

    ExecutiveEscalation get(long id) {
        return escalations.findById(id).orElseThrow(() -> EscalationProblems.notFound(id));
    }

    List<ExecutiveEscalation> ofCase(long caseId) {
        return escalations.findByCaseIdOrderByRequestedAtAscIdAsc(caseId);
    }

    List<EscalationStep> trailOf(long caseId) {
        return steps.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    List<AttemptRecord> attemptsOn(long caseId) {
        return attempts.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    /** The executive office lets an escalation awaiting approval through: it is routed like any other. */
    @Transactional
    ExecutiveEscalation approve(long id, Actor actor) {
        var escalation = get(id);
        escalation.requirePending();
        var now = clock.instant();
        steps.record(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.APPROVED,
                "Approved by " + actor.displayName() + ".");
        routing.route(escalation, routing.executiveFor(escalation.getDomain()), now);
        return escalation;
    }

    /** The executive office refuses an escalation awaiting approval, telling the owner why, signed. */
    @Transactional
    ExecutiveEscalation refuse(long id, String messageToOwner, Actor actor) {
        var message = required(messageToOwner, "messageToOwner", "a message telling the owner why");
        var escalation = get(id);
        var now = clock.instant();
        escalation.refuse(now);
        steps.record(escalation, now, actor.username(), EscalationStep.Kind.REFUSED, message);
        cases.notifyOwner(escalation.getCaseId(), signed(message, actor, escalation), actor);
        return escalation;
    }

    /**
     * The executive answers the owner personally, signed, on the owner's channel. The first answer keeps the
     * executive's promise when it is still open.
     */
    @Transactional
    ExecutiveEscalation answer(long id, String body, Actor actor) {
        var text = required(body, "body", "your answer");
        var escalation = get(id);
        var now = clock.instant();
        escalation.answered(now);
        sendSigned(escalation, text, actor, now);
        steps.record(escalation, now, actor.username(), EscalationStep.Kind.ANSWERED, text);
        return escalation;
    }

    /**
     * The executive gives the case back to a team with instructions (an internal note), tells the owner personally
     * and keeps the escalation on their watch list.
     */
    @Transactional
    ExecutiveEscalation handBack(long id, String team, String instructions, String messageToOwner, Actor actor) {
        var toTeam = required(SupportCase.team(team), "team", "the team that takes the case");
        var what = required(instructions, "instructions", "the instructions for the team");
        var message = required(messageToOwner, "messageToOwner", "a message to the owner");
        var escalation = get(id);
        var now = clock.instant();
        escalation.handedBack(toTeam, now);
        cases.change(escalation.getCaseId(), new CaseChanges(null, "", null, null, toTeam), actor);
        cases.addNote(escalation.getCaseId(), "Instructions from " + actor.displayName() + ": " + what, actor);
        sendSigned(escalation, message, actor, now);
        steps.record(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.HANDED_BACK,
                "Handed back to team " + toTeam + ": " + what);
        return escalation;
    }

    @Transactional
    ExecutiveEscalation close(long id, String note, Actor actor) {
        var escalation = get(id);
        var now = clock.instant();
        escalation.close(now);
        steps.record(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.CLOSED,
                note == null || note.isBlank() ? "Closed by " + actor.displayName() + "." : note);
        return escalation;
    }

    @Transactional
    ExecutiveEscalation markFrivolous(long id, String note, Actor actor) {
        var why = required(note, "note", "why the escalation was frivolous");
        var escalation = get(id);
        if (escalation.isFrivolous()) {
            return escalation;
        }
        escalation.markFrivolous();
        steps.record(escalation, clock.instant(), actor.username(), EscalationStep.Kind.MARKED_FRIVOLOUS, why);
        return escalation;
    }

    private void sendSigned(ExecutiveEscalation escalation, String text, Actor actor, Instant now) {
        var signed = signed(text, actor, escalation);
        var promise = escalation.getPromiseId() == null
                ? Optional.<Promise>empty()
                : promises.find(escalation.getCaseId(), escalation.getPromiseId());
        if (promise.isPresent()
                && promise.get().getStatus() == PromiseStatus.OPEN
                && !promise.get().isDue(now)) {
            promises.keep(escalation.getCaseId(), escalation.getPromiseId(), signed, actor);
        } else {
            cases.reply(escalation.getCaseId(), signed, null, actor);
        }
    }

    /** The executive's words with their signature: the owner knows who answered. */
    private static String signed(String text, Actor actor, ExecutiveEscalation escalation) {
        return text.strip() + "\n\n— " + actor.displayName() + "\nExecutive office, " + escalation.getDomain();
    }

    private static String required(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw EscalationProblems.emptyText(field, what);
        }
        return text.strip();
    }
}
