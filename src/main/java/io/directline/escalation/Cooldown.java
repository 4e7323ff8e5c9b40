package io.directline.escalation;

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
    public Decision check(Attempt attempt) {
        var last = attempt.previous().stream()
                .filter(Attempt.PastEscalation::heldAgainstOwner)
                .map(Attempt.PastEscalation::at)
                .max(Comparator.naturalOrder());
        if (last.isEmpty()) {
            return Decision.allowed(name(), "You have no earlier executive escalation that calls for a pause.");
        }
        var endsAt = last.get().plus(cooldown);
        if (attempt.now().isBefore(endsAt)) {
            return Decision.refusedUntil(
                    name(),
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Your last executive escalation was on " + Wording.date(last.get(), attempt.zone())
                            + ", and we take one to an executive for you every " + Wording.span(cooldown)
                            + " at most. You can escalate again from " + Wording.time(endsAt, attempt.zone())
                            + "; until then " + Wording.SUPERVISOR_CALLBACK + ".",
                    endsAt);
        }
        return Decision.allowed(
                name(),
                "Your last executive escalation was on " + Wording.date(last.get(), attempt.zone()) + ", at least "
                        + Wording.span(cooldown) + " ago.");
    }
}
