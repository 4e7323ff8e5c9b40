package io.directline.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A merge (or its undo) that cannot be done as asked: a 409 problem saying why. */
public class MergeConflictException extends ErrorResponseException {

    MergeConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
        getBody().setTitle("Cannot merge");
    }

    static MergeConflictException alreadyMerged(long owner, long into) {
        return new MergeConflictException("Owner " + owner + " was merged into owner " + into + " already.");
    }
}
