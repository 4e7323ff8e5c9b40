package io.directline.escalation;

import java.time.Instant;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * What one rule of the guard decided about an attempt, with a sentence the owner understands.
 *
 * @param rule the rule's name, such as {@code cooldown}; figures group refusals by it
 * @param outcome what the rule decided
 * @param reason in plain words: what the rule found and, for a refusal, what the owner can do now
 * @param status the HTTP status of a refusal; null for every other outcome
 * @param retryAfter for a refusal that waiting lifts, the instant from which the rule would allow; else null
 */
record Decision(String rule, Outcome outcome, String reason, HttpStatus status, Instant retryAfter) {

    enum Outcome {
        /** The rule lets the attempt through. */
        ALLOWED,
        /** The rule was not applied because we failed the owner on this case. */
        WAIVED,
        /** Not a refusal: the escalation is made, but waits for the executive office's approval. */
        NEEDS_APPROVAL,
        /** The rule refuses the attempt; no escalation is made. */
        REFUSED
    }

    Decision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if ((outcome == Outcome.REFUSED) != (status != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has an HTTP status");
        }
        if (retryAfter != null && outcome != Outcome.REFUSED) {
            throw new IllegalArgumentException("only a refusal has a time to retry after");
        }
    }

    static Decision allowed(String rule, String reason) {
        return new Decision(rule, Outcome.ALLOWED, reason, null, null);
    }

    static Decision waived(String rule, String reason) {
        return new Decision(rule, Outcome.WAIVED, reason, null, null);
    }

    static Decision needsApproval(String rule, String reason) {
        return new Decision(rule, Outcome.NEEDS_APPROVAL, reason, null, null);
    }

    static Decision refused(String rule, HttpStatus status, String reason) {
        return new Decision(rule, Outcome.REFUSED, reason, status, null);
    }

    /** A refusal that waiting lifts at {@code retryAfter}. */
    static Decision refusedUntil(String rule, HttpStatus status, String reason, Instant retryAfter) {
        return new Decision(rule, Outcome.REFUSED, reason, status, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    boolean isRefused() {
        return outcome == Outcome.REFUSED;
    }
}
