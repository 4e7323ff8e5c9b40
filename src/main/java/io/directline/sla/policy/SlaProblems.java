package io.directline.sla.policy;

import io.directline.cases.CaseProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals about SLA policies and clocks, each with a sentence a person understands. */
public final class SlaProblems {

    private SlaProblems() {}

    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return CaseProblems.problem(status, title, detail);
    }

    /** A 400 problem about one field of a request, with the field named in a {@code field} property. */
    public static ErrorResponseException invalidField(String field, String detail) {
        return CaseProblems.invalidField(field, detail);
    }

    static ErrorResponseException policyNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "SLA policy not found", "There is no SLA policy with id " + id + ".");
    }
}
