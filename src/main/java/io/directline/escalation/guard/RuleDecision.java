package io.directline.escalation.guard;

import java.time.Instant;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * What one rule of the guard decided about an attempt, with a sentence the owner understands.
 *
 * @param rule the rule's name, such as {@code cooldown}; figures group refusals by it
 * @param kind what the rule decided (recorded and shown as the decision's {@code outcome})
 * @param reason in plain words: what the rule found and, for a refusal, what the owner can do now
 * @param status the HTTP status of a refusal; null for every other kind
 * @param retryAfter for a refusal that waiting lifts, the instant from which the rule would allow; else null
 */
public record RuleDecision(String rule, Kind kind, String reason, HttpStatus status, Instant retryAfter) {

    public enum Kind {
        /** The rule lets the attempt through. */
        ALLOWED,
        /** The rule was not applied because we failed the owner on this case. */
        WAIVED,
        /** Not a refusal: the escalation is made, but waits for the executive office's approval. */
        NEEDS_APPROVAL,
        /** The rule refuses the attempt; no escalation is made. */
        REFUSED
    }

    public RuleDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if ((kind == Kind.REFUSED) != (status != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has an HTTP status");
        }
        if (retryAfter != null && kind != Kind.REFUSED) {
            throw new IllegalArgumentException("only a refusal has a time to retry after");
        }
    }

    static RuleDecision allowed(String rule, String reason) {
        return new RuleDecision(rule, Kind.ALLOWED, reason, null, null);
    }

    static RuleDecision waived(String rule, String reason) {
        return new RuleDecision(rule, Kind.WAIVED, reason, null, null);
    }

    static RuleDecision needsApproval(String rule, String reason) {
        return new RuleDecision(rule, Kind.NEEDS_APPROVAL, reason, null, null);
    }

    static RuleDecision refused(String rule, HttpStatus status, String reason) {
        return new RuleDecision(rule, Kind.REFUSED, reason, status, null);
    }

    /** A refusal that waiting lifts at {@code retryAfter}. */
    static RuleDecision refusedUntil(String rule, HttpStatus status, String reason, Instant retryAfter) {
        return new RuleDecision(rule, Kind.REFUSED, reason, status, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public boolean isRefused() {
        return kind == Kind.REFUSED;
    }
}
