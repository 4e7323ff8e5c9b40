package io.directline.experience.ledger;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.CaseStatusChanged;
import io.directline.cases.Direction;
import io.directline.escalation.CaseEscalated;
import io.directline.escalation.ClimbCause;
import io.directline.experience.EntrySource;
import io.directline.experience.SurveyAnswered;
import io.directline.journey.OwnerHadToAsk;
import io.directline.journey.OwnerToldBeforeAsking;
import io.directline.servicecenter.VisitCompleted;
import io.directline.sla.ClockKind;
import io.directline.sla.PromiseBroken;
import io.directline.sla.PromiseKept;
import io.directline.sla.SlaBreached;
import io.directline.sla.SlaMet;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what the other modules tell into ledger entries, one per event, each keyed by what names the event (the
 * clock, the promise, the case and the instant), so a replayed event adds nothing.
 */
@Component
class LedgerListeners {

    private static final EnumSet<CaseStatus> DONE = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED);

    private final Ledger ledger;
    private final CaseManagement cases;

    LedgerListeners(Ledger ledger, CaseManagement cases) {
        this.ledger = ledger;
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(SlaMet met) {
        if (met.kind() == ClockKind.NEXT_RESPONSE) {
            return; // each later answer in time is the ordinary course of a case, not an experience of its own
        }
        var source = met.kind() == ClockKind.RESOLUTION ? EntrySource.RESOLUTION : EntrySource.FIRST_RESPONSE;
        ofCase(
                met.caseId(),
                source,
                +1,
                met.kind().label() + " within the SLA",
                "sla-met:" + met.clockId(),
                met.metAt());
    }

    @ApplicationModuleListener
    void on(SlaBreached breached) {
        var source = breached.kind() == ClockKind.RESOLUTION ? EntrySource.RESOLUTION : EntrySource.FIRST_RESPONSE;
        ofCase(
                breached.caseId(),
                source,
                -1,
                breached.kind().label() + " past the SLA (due " + breached.dueAt() + ")",
                "sla-breached:" + breached.clockId(),
                breached.detectedAt());
    }

    @ApplicationModuleListener
    void on(PromiseKept kept) {
        ofCase(
                kept.caseId(),
                EntrySource.PROMISE,
                +1,
                "Promise kept by " + kept.by(),
                "promise-kept:" + kept.promiseId(),
                kept.keptAt());
    }

    @ApplicationModuleListener
    void on(PromiseBroken broken) {
        ofCase(
                broken.caseId(),
                EntrySource.PROMISE,
                -1,
                "Promise broken (due " + broken.dueAt() + ", " + broken.responsible() + " answered for it)",
                "promise-broken:" + broken.promiseId(),
                broken.brokenAt());
    }

    @ApplicationModuleListener
    void on(CaseEscalated escalated) {
        var note = escalated.cause() == ClimbCause.OWNER_REQUEST
                ? "The owner took the case to " + escalated.to() + " (not necessarily our failure)"
                : "Our failure: the case climbed to " + escalated.to() + " after " + escalated.cause();
        ofCase(
                escalated.caseId(),
                EntrySource.ESCALATION,
                -1,
                note,
                "escalated:" + escalated.caseId() + ":" + escalated.to() + ":"
                        + escalated.at().toEpochMilli(),
                escalated.at());
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged changed) {
        if (changed.to() == CaseStatus.RESOLVED && !DONE.contains(changed.from())) {
            resolvedOnFirstContact(changed);
            return;
        }
        if (!DONE.contains(changed.from()) || DONE.contains(changed.to())) {
            return;
        }
        ofCase(
                changed.caseId(),
                EntrySource.CASE_REOPENED,
                -1,
                "Reopened (" + changed.from() + " → " + changed.to() + ")",
                "reopened:" + changed.caseId() + ":" + changed.at().toEpochMilli(),
                changed.at());
    }

    /**
     * Resolved on first contact: one answer from us, and the owner never had to write again after it (industry
     * practice: no follow-up, no second answer). Once per case, however often it is resolved.
     */
    private void resolvedOnFirstContact(CaseStatusChanged changed) {
        var conversation = cases.conversation(changed.caseId(), false);
        long answers = conversation.stream()
                .filter(m -> m.getDirection() == Direction.OUTBOUND)
                .count();
        var firstAnswer = conversation.stream()
                .filter(m -> m.getDirection() == Direction.OUTBOUND)
                .map(CaseMessage::getCreatedAt)
                .findFirst();
        boolean ownerWroteAgain = firstAnswer.isPresent()
                && conversation.stream()
                        .anyMatch(m -> m.getDirection() == Direction.INBOUND
                                && m.getCreatedAt().isAfter(firstAnswer.get()));
        if (answers != 1 || ownerWroteAgain) {
            return;
        }
        ofCase(
                changed.caseId(),
                EntrySource.FIRST_CONTACT_RESOLUTION,
                +1,
                "Resolved on first contact",
                "first-contact:" + changed.caseId(),
                changed.at());
    }

    @ApplicationModuleListener
    void on(OwnerToldBeforeAsking told) {
        ledger.record(NewEntry.fromEvent(
                told.customerId(),
                EntrySource.DELAY_TOLD,
                +1,
                told.caseId(),
                told.orderRef(),
                "Told of the delay before asking",
                "delay-ask:" + told.caseId(),
                told.askedAt()));
    }

    @ApplicationModuleListener
    void on(OwnerHadToAsk asked) {
        ledger.record(NewEntry.fromEvent(
                asked.customerId(),
                EntrySource.DELAY_TOLD,
                -1,
                asked.caseId(),
                asked.orderRef(),
                "Had to ask about the delay",
                "delay-ask:" + asked.caseId(),
                asked.askedAt()));
    }

    @ApplicationModuleListener
    void on(SurveyAnswered answered) {
        if (answered.sign() == 0) {
            return;
        }
        ledger.record(NewEntry.fromEvent(
                answered.customerId(),
                EntrySource.SURVEY,
                answered.sign(),
                answered.caseId(),
                null,
                answered.kind() + " " + answered.score(),
                "survey:" + answered.surveyId(),
                answered.at()));
    }

    @ApplicationModuleListener
    void on(VisitCompleted visit) {
        ledger.record(NewEntry.fromEvent(
                visit.customerId(),
                EntrySource.SERVICE_VISIT,
                visit.onTime() ? +1 : -1,
                visit.caseId(),
                null,
                (visit.onTime() ? "Service visit done on the day booked (" : "Service visit done late (booked for ")
                        + visit.day() + ", " + visit.service().label() + " at " + visit.centerName() + ")",
                "visit:" + visit.appointmentId(),
                visit.completedAt()));
    }

    private void ofCase(long caseId, EntrySource source, int sign, String note, String key, Instant at) {
        cases.find(caseId)
                .ifPresent(c -> ledger.record(
                        NewEntry.fromEvent(c.getCustomerId(), source, sign, caseId, null, note, key, at)));
    }
}
