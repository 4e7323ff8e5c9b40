package io.directline.sla.promise;

import io.directline.sla.Promise;
import io.directline.sla.policy.SlaProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals about promises, each with a sentence a person understands. */
public final class PromiseProblems {

    private PromiseProblems() {}

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return SlaProblems.problem(status, title, detail);
    }

    public static ErrorResponseException dueNotInFuture() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Due time not in the future",
                "dueAt must lie in the future: a promise is made for a time still to come.");
    }

    public static ErrorResponseException unknownResponsible(String username) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Unknown responsible",
                "responsible " + username + " is not an active staff member; use an agent's username.");
    }

    public static ErrorResponseException emptyDescription() {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "description must say what was promised.");
    }

    public static ErrorResponseException emptyMessage() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Message required",
                "message must not be empty: a promise is kept by telling the owner.");
    }

    public static ErrorResponseException notFound(long caseId, long promiseId) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Promise not found",
                "Case " + caseId + " has no promise with id " + promiseId + ".");
    }

    public static ErrorResponseException notOpen(Promise promise) {
        var e = problem(
                HttpStatus.CONFLICT,
                "Promise not open",
                "Promise " + promise.getId() + " is " + promise.getStatus() + " and can no longer change.");
        e.getBody().setProperty("currentStatus", promise.getStatus());
        return e;
    }

    public static ErrorResponseException tooLate(Promise promise) {
        return problem(
                HttpStatus.CONFLICT,
                "Too late to keep",
                "Promise " + promise.getId() + " was due at " + promise.getDueAt()
                        + "; a promise can only be kept before its due time.");
    }

    public static ErrorResponseException notYetDue(Promise promise) {
        return problem(
                HttpStatus.CONFLICT,
                "Not yet due",
                "Promise " + promise.getId() + " is due at " + promise.getDueAt() + " and cannot be broken before.");
    }
}
