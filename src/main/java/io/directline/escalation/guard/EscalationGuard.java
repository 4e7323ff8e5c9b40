package io.directline.escalation.guard;

import io.directline.escalation.office.EscalationProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides an owner's attempt to escalate a case to an executive by asking each rule in turn. The order is
 * deliberate:
 *
 * <ol>
 *   <li>{@link CaseBelongsToOwner}, first and alone: another owner's case is a 404 whatever else holds, and nothing
 *       more about it is looked at or recorded;
 *   <li>{@link CaseStillOpen}: a resolved or closed case has nothing to escalate;
 *   <li>{@link OneOpenEscalationPerCase}: a case already with the executive office is the most useful news;
 *   <li>{@link MinimumCaseAge}, {@link Quota}, {@link Cooldown}: what the owner can only wait out. Quota and
 *       cool-down are waived when we broke a promise or missed an SLA on the case — our failure is never held
 *       against the owner — while ownership, state, one open escalation per case and the reason still apply;
 *   <li>{@link ReasonLength}: the one refusal the owner can fix at once, so it comes after the ones they cannot,
 *       lest they rewrite their reason only to be refused for something else;
 *   <li>{@link PreApproval}: not a refusal, so it matters only once everything else allows; also waived when we
 *       failed the owner on the case.
 * </ol>
 *
 * Every rule after the first is asked, and every decision is kept. The refusal shown is the first one, except that
 * when it is one to wait out, the owner is shown whichever wait ends last, so that "you can escalate again from"
 * is true.
 */
@Component
public final class EscalationGuard {

    private record Step(GuardRule rule, boolean waivedWhenCompanyFailed) {}

    static final String WAIVED = "Not applied: we broke a promise or missed a deadline on this case, and our failure"
            + " is never held against you.";

    private final GuardRule ownersCase = new CaseBelongsToOwner();
    private final List<Step> steps;

    EscalationGuard(EscalationProperties properties) {
        this.steps = List.of(
                new Step(new CaseStillOpen(), false),
                new Step(new OneOpenEscalationPerCase(), false),
                new Step(new MinimumCaseAge(properties.minCaseAge()), false),
                new Step(new Quota(properties.quota(), properties.quotaWindow()), true),
                new Step(new Cooldown(properties.cooldown()), true),
                new Step(new ReasonLength(properties.minReasonLength()), false),
                new Step(new PreApproval(properties.quotaWindow()), true));
    }

    public GuardDecision check(Attempt attempt) {
        var ownership = ownersCase.check(attempt);
        if (ownership.isRefused()) {
            return new GuardDecision(List.of(ownership), ownership);
        }
        var decisions = new ArrayList<RuleDecision>();
        decisions.add(ownership);
        for (var step : steps) {
            decisions.add(
                    attempt.companyFailed() && step.waivedWhenCompanyFailed()
                            ? RuleDecision.waived(step.rule().name(), WAIVED)
                            : step.rule().check(attempt));
        }
        return new GuardDecision(decisions, shown(decisions));
    }

    private static RuleDecision shown(List<RuleDecision> decisions) {
        var refusals = decisions.stream().filter(RuleDecision::isRefused).toList();
        if (refusals.isEmpty()) {
            return null;
        }
        var first = refusals.get(0);
        if (first.retryAfter() == null) {
            return first;
        }
        return refusals.stream()
                .filter(d -> d.retryAfter() != null)
                .max(Comparator.comparing(RuleDecision::retryAfter))
                .orElseThrow();
    }
}
