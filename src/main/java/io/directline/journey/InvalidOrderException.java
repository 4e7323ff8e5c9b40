package io.directline.journey;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An order, or a change to one, that cannot be kept: a 400 problem naming the field and saying why. */
public class InvalidOrderException extends ErrorResponseException {

    private final String field;

    public InvalidOrderException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
        getBody().setTitle("Invalid order");
        getBody().setProperty("field", field);
        this.field = field;
    }

    /** The field refused (ref, customerId, model, milestone, reason, …). */
    public String field() {
        return field;
    }

    /** The sentence saying why. */
    public String reason() {
        return getBody().getDetail();
    }
}
