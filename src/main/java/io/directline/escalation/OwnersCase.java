package io.directline.escalation;

import io.directline.cases.SupportCase;
import org.springframework.http.HttpStatus;

/**
 * The case must be the owner's. Another owner's case is refused exactly like one that does not exist, so the answer
 * never reveals that it does.
 */
final class OwnersCase implements GuardRule {

    static final String NAME = "owners-case";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision check(Attempt attempt) {
        if (!attempt.ownersCase()) {
            return Decision.refused(name(), HttpStatus.NOT_FOUND, "There is no case with id " + attempt.caseId() + ".");
        }
        return Decision.allowed(name(), "Case " + SupportCase.reference(attempt.caseId()) + " is yours.");
    }
}
