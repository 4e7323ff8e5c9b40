package io.directline.escalation.guard;

import java.time.Duration;
import java.util.Comparator;
import org.springframework.http.HttpStatus;

/**
 * At least {@code cooldown} between two executive escalations of one owner, counted from the last one held against
 * them. Refused with 429 and the instant the cool-down ends; allowed from that instant on.
 */
final class Cooldown implements GuardRule {

    private final Duration cooldown;

    Cooldown(Duration cooldown) {
        this.cooldown = cooldown;
    }

    @Override
    public String name() {
        return "cooldown";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        var last = attempt.previous().stream()
                .filter(Attempt.PastEscalation::heldAgainstOwner)
                .map(Attempt.PastEscalation::at)
                .max(Comparator.naturalOrder());
        if (last.isEmpty()) {
            return RuleDecision.allowed(name(), "You have no earlier executive escalation that calls for a pause.");
        }
        var endsAt = last.get().plus(cooldown);
        if (attempt.now().isBefore(endsAt)) {
            return RuleDecision.refusedUntil(
                    name(),
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Your last executive escalation was on " + InWords.date(last.get(), attempt.zone())
                            + ", and we take one to an executive for you every " + InWords.span(cooldown)
                            + " at most. You can escalate again from " + InWords.time(endsAt, attempt.zone())
                            + "; until then " + SUPERVISOR_CALLBACK + ".",
                    endsAt);
        }
        return RuleDecision.allowed(
                name(),
                "Your last executive escalation was on " + InWords.date(last.get(), attempt.zone()) + ", at least "
                        + InWords.span(cooldown) + " ago.");
    }
}
