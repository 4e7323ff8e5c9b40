package io.directline.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guard's answer to one attempt.
 *
 * @param decisions every rule's decision, in the guard's order, to be recorded with the attempt
 * @param refusal the refusal the owner is shown; null when the attempt is allowed
 */
record Verdict(List<Decision> decisions, Decision refusal) {

    Verdict {
        decisions = List.copyOf(decisions);
        if (refusal != null && !decisions.contains(refusal)) {
            throw new IllegalArgumentException("the refusal shown must be one of the decisions");
        }
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** Where an allowed escalation starts: waiting for the executive office's approval, or open. */
    EscalationState startsIn() {
        if (!allowed()) {
            throw new IllegalStateException("a refused attempt makes no escalation");
        }
        return decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.NEEDS_APPROVAL)
                ? EscalationState.PENDING_APPROVAL
                : EscalationState.OPEN;
    }

    /** The decision of the rule with this name, if the guard asked it. */
    Optional<Decision> decisionOf(String rule) {
        return decisions.stream().filter(d -> Objects.equals(d.rule(), rule)).findFirst();
    }
}
