package io.directline.escalation.guard;

import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import org.springframework.http.HttpStatus;

/** Only a case that still needs the company can be escalated: not a resolved one, nor a closed one. */
final class CaseStillOpen implements GuardRule {

    @Override
    public String name() {
        return "case-open";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        var reference = SupportCase.reference(attempt.caseId());
        if (attempt.caseStatus() == CaseStatus.RESOLVED) {
            return RuleDecision.refused(
                    name(),
                    HttpStatus.CONFLICT,
                    "Case " + reference + " is resolved, so there is nothing to escalate. If the problem is not"
                            + " solved, write on the case to reopen it; then you can escalate it.");
        }
        if (attempt.caseStatus() == CaseStatus.CLOSED) {
            return RuleDecision.refused(
                    name(),
                    HttpStatus.CONFLICT,
                    "Case " + reference + " is closed and can no longer be escalated. If the problem is back,"
                            + " please open a new case.");
        }
        return RuleDecision.allowed(
                name(),
                "Case " + reference + " is " + attempt.caseStatus().label().toLowerCase() + ".");
    }
}
