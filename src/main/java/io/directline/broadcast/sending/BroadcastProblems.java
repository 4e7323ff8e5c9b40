package io.directline.broadcast.sending;

import io.directline.cases.CaseProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The broadcast module's refusals, each with a sentence a person understands. */
public final class BroadcastProblems {

    private BroadcastProblems() {}

    public static ErrorResponseException invalidField(String field, String detail) {
        return CaseProblems.invalidField(field, detail);
    }

    public static ErrorResponseException notFound(long id) {
        return CaseProblems.problem(
                HttpStatus.NOT_FOUND, "Broadcast not found", "There is no broadcast with id " + id + ".");
    }

    static ErrorResponseException conflict(String title, String detail) {
        return CaseProblems.problem(HttpStatus.CONFLICT, title, detail);
    }

    public static ErrorResponseException emptySegment() {
        return CaseProblems.problem(
                HttpStatus.BAD_REQUEST,
                "No owner in this segment",
                "No owner has an order that matches this segment, so there is nobody to tell; nothing was sent."
                        + " Widen the segment and preview again.");
    }
}
