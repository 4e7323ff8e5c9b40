package io.directline.escalation.guard;

import io.directline.escalation.office.EscalationState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guard's answer to one attempt.
 *
 * @param decisions every rule's decision, in the guard's order, to be recorded with the attempt
 * @param refusal the refusal the owner is shown; null when the attempt is allowed
 */
public record GuardDecision(List<RuleDecision> decisions, RuleDecision refusal) {

    public GuardDecision {
        decisions = List.copyOf(decisions);
        if (refusal != null && !decisions.contains(refusal)) {
            throw new IllegalArgumentException("the refusal shown must be one of the decisions");
        }
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** Where an allowed escalation starts: waiting for the executive office's approval, or open. */
    public EscalationState startsIn() {
        if (!allowed()) {
            throw new IllegalStateException("a refused attempt makes no escalation");
        }
        return decisions.stream().anyMatch(d -> d.kind() == RuleDecision.Kind.NEEDS_APPROVAL)
                ? EscalationState.PENDING_APPROVAL
                : EscalationState.OPEN;
    }

    /** The decision of the rule with this name, if the guard asked it. */
    public Optional<RuleDecision> decisionOf(String rule) {
        return decisions.stream().filter(d -> Objects.equals(d.rule(), rule)).findFirst();
    }
}
