package io.directline.escalation;

import io.directline.cases.SupportCase;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The team gets a fair chance first: the case must have been open for {@code minCaseAge}, unless we already broke a
 * promise or missed an SLA on it — then the owner may escalate at once. Refused with 409 (the case is too new) and
 * the instant it becomes old enough.
 */
final class FairChance implements GuardRule {

    private final Duration minCaseAge;

    FairChance(Duration minCaseAge) {
        this.minCaseAge = minCaseAge;
    }

    @Override
    public String name() {
        return "fair-chance";
    }

    @Override
    public Decision check(Attempt attempt) {
        var reference = SupportCase.reference(attempt.caseId());
        if (attempt.companyFailed()) {
            return Decision.allowed(
                    name(),
                    "We broke a promise or missed a deadline on case " + reference
                            + ", so you may escalate it at once.");
        }
        var oldEnoughAt = attempt.caseOpenedAt().plus(minCaseAge);
        if (attempt.now().isBefore(oldEnoughAt)) {
            var age = Duration.between(attempt.caseOpenedAt(), attempt.now());
            return Decision.refusedUntil(
                    name(),
                    HttpStatus.CONFLICT,
                    "Case " + reference + " was opened "
                            + (age.toMinutes() < 1 ? "just now" : Wording.span(age) + " ago") + "; the team gets "
                            + Wording.span(minCaseAge)
                            + " to answer before it can go to an executive. You can escalate it from "
                            + Wording.time(oldEnoughAt, attempt.zone()) + "; until then "
                            + Wording.SUPERVISOR_CALLBACK + ".",
                    oldEnoughAt);
        }
        return Decision.allowed(
                name(), "Case " + reference + " has been with us for at least " + Wording.span(minCaseAge) + ".");
    }
}
