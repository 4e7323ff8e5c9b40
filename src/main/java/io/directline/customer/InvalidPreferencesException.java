package io.directline.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An owner's preferences that cannot be kept, with the field and a sentence saying why (a 400 problem). */
public class InvalidPreferencesException extends ErrorResponseException {

    private final String field;

    InvalidPreferencesException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
        getBody().setTitle("Invalid settings");
        getBody().setProperty("field", field);
        this.field = field;
    }

    /** The preference that was refused: preferredChannel, quietHours, timeZone or language. */
    public String field() {
        return field;
    }
}
