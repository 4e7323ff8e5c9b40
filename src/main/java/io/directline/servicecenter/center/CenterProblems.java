package io.directline.servicecenter.center;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The service centers' refusals, each with a sentence a person understands. */
public final class CenterProblems {

    private CenterProblems() {}

    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A 400 problem about one field or parameter, named in a {@code field} property. */
    public static ErrorResponseException invalid(String field, String detail) {
        var e = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        e.getBody().setProperty("field", field);
        return e;
    }

    public static ErrorResponseException centerNotFound(long id) {
        return problem(
                HttpStatus.NOT_FOUND, "Service center not found", "There is no service center with id " + id + ".");
    }

    public static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
