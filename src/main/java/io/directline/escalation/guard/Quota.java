package io.directline.escalation.guard;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * At most {@code quota} executive escalations per owner within a rolling {@code window}. An escalation counts while
 * {@code now} is before its time plus the window; escalations we caused by failing the owner never count. Refused
 * with 429 and the instant enough of them have left the window; with a quota of 0 waiting does not help, so 403.
 */
final class Quota implements GuardRule {

    private final int quota;
    private final Duration window;

    Quota(int quota, Duration window) {
        this.quota = quota;
        this.window = window;
    }

    @Override
    public String name() {
        return "quota";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        if (quota == 0) {
            return RuleDecision.refused(
                    name(),
                    HttpStatus.FORBIDDEN,
                    "An executive escalation is possible only where we broke a promise or missed a deadline on"
                            + " your case; " + SUPERVISOR_CALLBACK + ".");
        }
        var counted = attempt.previous().stream()
                .filter(Attempt.PastEscalation::heldAgainstOwner)
                .map(Attempt.PastEscalation::at)
                .filter(at -> attempt.now().isBefore(at.plus(window)))
                .sorted()
                .toList();
        var span = InWords.span(window);
        if (counted.size() < quota) {
            return RuleDecision.allowed(
                    name(),
                    "You have escalated " + counted.size() + " of the " + quota + " cases we take to an executive"
                            + " for you in " + span + ".");
        }
        // The attempt fits once all but quota - 1 of the counted escalations have left the window.
        Instant fitsAt = counted.get(counted.size() - quota).plus(window);
        return RuleDecision.refusedUntil(
                name(),
                HttpStatus.TOO_MANY_REQUESTS,
                "You have already escalated " + InWords.plural(counted.size(), "case") + " to an executive in the"
                        + " last " + span + ", the most we allow. You can escalate again from "
                        + InWords.time(fitsAt, attempt.zone()) + "; until then " + SUPERVISOR_CALLBACK
                        + ".",
                fitsAt);
    }
}
