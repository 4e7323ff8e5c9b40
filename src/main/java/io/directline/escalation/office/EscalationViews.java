package io.directline.escalation.office;

import io.directline.cases.SupportCase;
import io.directline.escalation.guard.AttemptRecord;
import io.directline.escalation.guard.RuleDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the API shows of executive escalations, to the owner and to staff. */
final class EscalationViews {

    private EscalationViews() {}

    record DecisionView(String rule, String outcome, String reason, Instant retryAfter) {

        static DecisionView of(RuleDecision d) {
            return new DecisionView(d.rule(), d.kind().name(), d.reason(), d.retryAfter());
        }
    }

    /** The owner's escalation of a case, as the owner sees it. */
    record OwnerEscalation(
            long id,
            long caseId,
            String reference,
            EscalationState state,
            String stateLabel,
            String domain,
            String executive,
            String reason,
            Instant requestedAt,
            Instant firstResponseDue,
            Instant firstResponseAt,
            boolean firstResponseLate) {

        static OwnerEscalation of(ExecutiveEscalation e, String executiveName) {
            return new OwnerEscalation(
                    e.getId(),
                    e.getCaseId(),
                    SupportCase.reference(e.getCaseId()),
                    e.getState(),
                    e.getState().label(),
                    e.getDomain(),
                    executiveName,
                    e.getReason(),
                    e.getRequestedAt(),
                    e.getFirstResponseDue(),
                    e.getFirstResponseAt(),
                    e.isFirstResponseLate());
        }
    }

    /** Before pressing the button: can the owner escalate now, and if not, why and until when. */
    record EligibilityView(
            boolean canEscalate,
            String refusedBy,
            String reason,
            Instant retryAfter,
            List<DecisionView> decisions,
            int minReasonLength,
            List<String> domains,
            List<OwnerEscalation> escalations) {}

    record StepView(Instant at, String actor, EscalationStep.Kind kind, String text) {

        static StepView of(EscalationStep s) {
            return new StepView(s.getAt(), s.getActor(), s.getKind(), s.getText());
        }
    }

    /** An escalation as the executive office works it. */
    record StaffEscalation(
            long id,
            long caseId,
            String reference,
            long customerId,
            EscalationState state,
            String stateLabel,
            String domain,
            String executive,
            String reason,
            boolean companyFailed,
            boolean frivolous,
            boolean refused,
            Instant requestedAt,
            Instant firstResponseDue,
            Instant firstResponseAt,
            boolean firstResponseLate,
            Duration remaining,
            String handedToTeam,
            Instant closedAt) {

        static StaffEscalation of(ExecutiveEscalation e, Instant now) {
            return new StaffEscalation(
                    e.getId(),
                    e.getCaseId(),
                    SupportCase.reference(e.getCaseId()),
                    e.getCustomerId(),
                    e.getState(),
                    e.getState().label(),
                    e.getDomain(),
                    e.getExecutive(),
                    e.getReason(),
                    e.isCompanyFailed(),
                    e.isFrivolous(),
                    e.isRefused(),
                    e.getRequestedAt(),
                    e.getFirstResponseDue(),
                    e.getFirstResponseAt(),
                    e.isFirstResponseLate(),
                    e.remaining(now),
                    e.getHandedToTeam(),
                    e.getClosedAt());
        }
    }

    record EscalationList(List<StaffEscalation> items) {}

    /** An attempt, allowed or refused, with the rule that refused it. */
    record AttemptView(Instant at, boolean allowed, String refusedBy, Integer status, Long escalationId) {

        static AttemptView of(AttemptRecord a) {
            return new AttemptView(a.getAt(), a.isAllowed(), a.getRefusedBy(), a.getStatus(), a.getEscalationId());
        }
    }

    /** Everything about executive escalation on one case: attempts, escalations and their steps. */
    record CaseTrail(List<AttemptView> attempts, List<StaffEscalation> escalations, List<StepView> steps) {}
}
