package io.directline.escalation.guard;

import io.directline.escalation.office.EscalationState;
import java.time.Duration;
import java.util.Comparator;

/**
 * Owners with a record need the executive office's approval first. The record is any escalation of theirs that the
 * executive office marked frivolous or refused, made within the last {@code window} (the quota window): a single
 * mark is enough, because it is a deliberate judgement by a person, and the consequence is mild. It is not a
 * refusal: the escalation is made, in state {@link EscalationState#PENDING_APPROVAL}, and counts towards the quota
 * like any other, so the owner is heard while the office keeps the gate; a mark stops counting one window after
 * the escalation it is on.
 */
public final class PreApproval implements GuardRule {

    private final Duration window;

    PreApproval(Duration window) {
        this.window = window;
    }

    public static final String NAME = "pre-approval";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        var mark = attempt.previous().stream()
                .filter(e -> e.frivolous() || e.refused())
                .filter(e -> attempt.now().isBefore(e.at().plus(window)))
                .max(Comparator.comparing(Attempt.PastEscalation::at));
        if (mark.isEmpty()) {
            return RuleDecision.allowed(
                    name(),
                    "None of your escalations of the last " + InWords.span(window)
                            + " was marked frivolous or refused, so yours goes straight to an executive.");
        }
        var marked = mark.get();
        return RuleDecision.needsApproval(
                name(),
                "The executive office " + (marked.frivolous() ? "marked as frivolous" : "refused")
                        + " the escalation you made on " + InWords.date(marked.at(), attempt.zone())
                        + ", so it will first approve this one before it goes to an executive. Your escalation is"
                        + " recorded and you will hear from the office on the case.");
    }
}
