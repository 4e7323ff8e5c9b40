package io.directline.sla;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusals about SLA policies and clocks, each with a sentence a person understands. */
final class SlaProblems {

    private SlaProblems() {}

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A 400 problem about one field of a request, with the field named in a {@code field} property. */
    static ErrorResponseException invalidField(String field, String detail) {
        var e = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        e.getBody().setProperty("field", field);
        return e;
    }

    static ErrorResponseException policyNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "SLA policy not found", "There is no SLA policy with id " + id + ".");
    }

    static ErrorResponseException notificationNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Notification not found", "You have no notification with id " + id + ".");
    }
}
