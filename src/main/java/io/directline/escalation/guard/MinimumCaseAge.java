package io.directline.escalation.guard;

import io.directline.cases.SupportCase;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The team gets a fair chance first: the case must have been open for {@code minCaseAge}, unless we already broke a
 * promise or missed an SLA on it — then the owner may escalate at once. Refused with 409 (the case is too new) and
 * the instant it becomes old enough.
 */
final class MinimumCaseAge implements GuardRule {

    private final Duration minCaseAge;

    MinimumCaseAge(Duration minCaseAge) {
        this.minCaseAge = minCaseAge;
    }

    @Override
    public String name() {
        return "fair-chance";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        var reference = SupportCase.reference(attempt.caseId());
        if (attempt.companyFailed()) {
            return RuleDecision.allowed(
                    name(),
                    "We broke a promise or missed a deadline on case " + reference
                            + ", so you may escalate it at once.");
        }
        var oldEnoughAt = attempt.caseOpenedAt().plus(minCaseAge);
        if (attempt.now().isBefore(oldEnoughAt)) {
            var age = Duration.between(attempt.caseOpenedAt(), attempt.now());
            return RuleDecision.refusedUntil(
                    name(),
                    HttpStatus.CONFLICT,
                    "Case " + reference + " was opened "
                            + (age.toMinutes() < 1 ? "just now" : InWords.span(age) + " ago") + "; the team gets "
                            + InWords.span(minCaseAge)
                            + " to answer before it can go to an executive. You can escalate it from "
                            + InWords.time(oldEnoughAt, attempt.zone()) + "; until then "
                            + SUPERVISOR_CALLBACK + ".",
                    oldEnoughAt);
        }
        return RuleDecision.allowed(
                name(), "Case " + reference + " has been with us for at least " + InWords.span(minCaseAge) + ".");
    }
}
