package io.directline.escalation.guard;

import io.directline.cases.CaseStatus;
import io.directline.escalation.office.EscalationState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the guard's rules need to decide one attempt to escalate a case, gathered beforehand, so the rules are
 * plain functions of it.
 *
 * @param now when the owner pressed the button
 * @param caseId the case as the owner named it
 * @param ownersCase whether a case with that id exists and belongs to the owner
 * @param caseStatus the case's status; null only when it is not the owner's case
 * @param caseOpenedAt when the case was opened; null only when it is not the owner's case
 * @param companyFailed whether we already broke a promise or missed an SLA on this case
 * @param previous the owner's earlier executive escalations, on any case, at least those within the quota window
 * @param reason the owner's reason, as typed; null counts as empty
 * @param zone the owner's time zone, for the times the decisions mention
 */
public record Attempt(
        Instant now,
        long caseId,
        boolean ownersCase,
        CaseStatus caseStatus,
        Instant caseOpenedAt,
        boolean companyFailed,
        List<PastEscalation> previous,
        String reason,
        ZoneId zone) {

    public Attempt {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        previous = List.copyOf(previous);
        if (ownersCase) {
            Objects.requireNonNull(caseStatus, "caseStatus");
            Objects.requireNonNull(caseOpenedAt, "caseOpenedAt");
        }
    }

    /** An attempt on a case that does not exist or is another owner's: nothing about that case is gathered. */
    public static Attempt onAnotherOwnersCase(Instant now, long caseId, String reason, ZoneId zone) {
        return new Attempt(now, caseId, false, null, null, false, List.of(), reason, zone);
    }

    /**
     * One earlier executive escalation of the owner.
     *
     * @param caseId the escalated case
     * @param at when the owner escalated it
     * @param state where it stands
     * @param frivolous whether the executive office marked it frivolous
     * @param refused whether the executive office refused it (for instance at pre-approval)
     * @param companyFailed whether it was made because we had broken a promise or missed an SLA on that case; such
     *     an escalation is our failure, so it counts towards neither the quota nor the cool-down
     */
    public record PastEscalation(
            long caseId, Instant at, EscalationState state, boolean frivolous, boolean refused, boolean companyFailed) {

        public PastEscalation {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
        }

        /** Whether it counts towards the quota and the cool-down: only when the owner chose to escalate. */
        boolean heldAgainstOwner() {
            return !companyFailed;
        }
    }
}
