package io.directline.cases;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The case module's refusals, each with a sentence a person understands. */
public final class CaseProblems {

    private CaseProblems() {}

    /** A refusal as problem details: the status, a short title and a sentence a person understands. */
    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A 400 problem about one field of a request, with the field named in a {@code field} property. */
    public static ErrorResponseException invalidField(String field, String detail) {
        var e = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        e.getBody().setProperty("field", field);
        return e;
    }

    public static ErrorResponseException caseNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Case not found", "There is no case with id " + id + ".");
    }

    static ErrorResponseException illegalTransition(String reference, CaseStatus from, CaseStatus to) {
        Set<CaseStatus> allowed = from.next();
        String detail = allowed.isEmpty()
                ? "Case " + reference + " is " + from + " and can no longer change status."
                : "Case " + reference + " is " + from + " and cannot move to " + to + "; it can move to "
                        + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")) + ".";
        var e = problem(HttpStatus.CONFLICT, "Status change not allowed", detail);
        e.getBody().setProperty("currentStatus", from);
        e.getBody().setProperty("allowedStatuses", allowed);
        return e;
    }

    static ErrorResponseException closed(String reference) {
        return problem(
                HttpStatus.CONFLICT,
                "Case closed",
                "Case " + reference + " is closed and takes no more messages; please open a new case.");
    }

    /** The owner wrote while a staff member was typing an answer to what came before. */
    public static ErrorResponseException ownerWroteMeanwhile() {
        return problem(
                HttpStatus.CONFLICT,
                "New message from the owner",
                "A new message from the owner arrived while you were typing; your answer is kept below — read it and"
                        + " send again.");
    }

    static ErrorResponseException messageTooLong(int bytes) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Message too long",
                "The message is " + bytes + " bytes long; the limit is " + MessageText.MAX_BYTES + " bytes (64 KiB).");
    }

    static ErrorResponseException emptyMessage() {
        return problem(HttpStatus.BAD_REQUEST, "Empty message", "The message has no text.");
    }

    static ErrorResponseException unknownCustomer(long customerId) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown owner", "customerId " + customerId + " names no owner.");
    }

    static ErrorResponseException unknownAssignee(String username) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Unknown assignee",
                "assignee " + clip(username)
                        + " is not an active staff member; use an agent's username, or \"\" to unassign.");
    }

    /** A value as quoted in a sentence: at most 60 characters of it, so a 100 KB input is not echoed back whole. */
    static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
