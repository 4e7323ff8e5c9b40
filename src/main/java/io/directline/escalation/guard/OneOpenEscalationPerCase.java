package io.directline.escalation.guard;

import io.directline.cases.SupportCase;
import java.util.Comparator;
import org.springframework.http.HttpStatus;

/** A case is with the executive office at most once at a time: a second request would reach the same people. */
final class OneOpenEscalationPerCase implements GuardRule {

    @Override
    public String name() {
        return "one-open-per-case";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        var reference = SupportCase.reference(attempt.caseId());
        return attempt.previous().stream()
                .filter(e -> e.caseId() == attempt.caseId() && e.state().isOpen())
                .max(Comparator.comparing(Attempt.PastEscalation::at))
                .map(open -> RuleDecision.refused(
                        name(),
                        HttpStatus.CONFLICT,
                        "Case " + reference + " is already with the executive office (you escalated it on "
                                + InWords.date(open.at(), attempt.zone()) + "); they will answer you on the case."
                                + " You can add to it by writing on the case."))
                .orElseGet(() ->
                        RuleDecision.allowed(name(), "Case " + reference + " is not with the executive office yet."));
    }
}
