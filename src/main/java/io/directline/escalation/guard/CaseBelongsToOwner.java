package io.directline.escalation.guard;

import io.directline.cases.SupportCase;
import org.springframework.http.HttpStatus;

/**
 * The case must be the owner's. Another owner's case is refused exactly like one that does not exist, so the answer
 * never reveals that it does.
 */
public final class CaseBelongsToOwner implements GuardRule {

    public static final String NAME = "owners-case";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        if (!attempt.ownersCase()) {
            return RuleDecision.refused(
                    name(), HttpStatus.NOT_FOUND, "There is no case with id " + attempt.caseId() + ".");
        }
        return RuleDecision.allowed(name(), "Case " + SupportCase.reference(attempt.caseId()) + " is yours.");
    }
}
