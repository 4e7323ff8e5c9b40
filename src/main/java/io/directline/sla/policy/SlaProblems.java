package io.directline.sla.policy;

import io.directline.cases.CaseProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals about SLA policies and clocks, each with a sentence a person understands. */
final class SlaProblems {

    private SlaProblems() {}

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return CaseProblems.problem(status, title, detail);
    }

    /** A 400 problem about one field of a request, with the field named in a {@code field} property. */
    static ErrorResponseException invalidField(String field, String detail) {
        return CaseProblems.invalidField(field, detail);
    }

    static ErrorResponseException policyNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "SLA policy not found", "There is no SLA policy with id " + id + ".");
    }

    static ErrorResponseException notificationNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Notification not found", "You have no notification with id " + id + ".");
    }
}
