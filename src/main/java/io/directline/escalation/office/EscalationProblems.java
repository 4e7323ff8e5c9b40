package io.directline.escalation.office;

import io.directline.cases.CaseProblems;
import io.directline.escalation.guard.GuardRule;
import io.directline.escalation.guard.RuleDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The escalation module's refusals, each with a sentence a person understands. */
final class EscalationProblems {

    private EscalationProblems() {}

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return CaseProblems.problem(status, title, detail);
    }

    /** A 400 problem about one field of a request, with the field named in a {@code field} property. */
    static ErrorResponseException invalidField(String field, String detail) {
        return CaseProblems.invalidField(field, detail);
    }

    static ErrorResponseException conflict(String title, String detail) {
        return problem(HttpStatus.CONFLICT, title, detail);
    }

    static ErrorResponseException notFound(long id) {
        return problem(
                HttpStatus.NOT_FOUND, "Escalation not found", "There is no executive escalation with id " + id + ".");
    }

    static ErrorResponseException unknownDomain(String domain, Collection<String> domains) {
        var e = problem(
                HttpStatus.BAD_REQUEST,
                "Unknown domain",
                "domain \"" + domain + "\" is not one of " + String.join(", ", domains) + ".");
        e.getBody().setProperty("field", "domain");
        return e;
    }

    static ErrorResponseException emptyText(String field, String what) {
        var e = problem(HttpStatus.BAD_REQUEST, "Missing " + what, field + " is empty: write " + what + ".");
        e.getBody().setProperty("field", field);
        return e;
    }

    static ErrorResponseException unknownAction(String action) {
        return problem(
                HttpStatus.NOT_FOUND, "Unknown action", "There is no action \"" + action + "\" on an escalation.");
    }

    static ErrorResponseException noExecutive() {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "No executive",
                "Nobody in the executive office can take escalations right now; " + GuardRule.SUPERVISOR_CALLBACK
                        + " instead.");
    }

    static ErrorResponseException busy() {
        var e = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Busy",
                "Your other escalation requests are still being decided; please try again in a moment.");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return e;
    }

    /** The guard's refusal: its rule, its sentence and, where waiting helps, when to try again. */
    static ErrorResponseException refused(RuleDecision refusal, Instant now) {
        var e = problem(refusal.status(), "Escalation not possible now", refusal.reason());
        e.getBody().setProperty("rule", refusal.rule());
        if (refusal.retryAfter() != null) {
            e.getBody().setProperty("retryAfter", refusal.retryAfter().toString());
            var seconds =
                    Math.max(1, Duration.between(now, refusal.retryAfter()).toSeconds());
            e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return e;
    }
}
