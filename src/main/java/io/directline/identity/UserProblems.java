package io.directline.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The identity module's refusals, each with a sentence a person understands. */
final class UserProblems {

    private UserProblems() {}

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    static ErrorResponseException usernameTaken(String username) {
        return problem(HttpStatus.CONFLICT, "Username taken", "The username " + username + " is already taken.");
    }

    static ErrorResponseException invalidRoles(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid roles", detail);
    }

    static ErrorResponseException staffNotFound(String username) {
        return problem(HttpStatus.NOT_FOUND, "Staff member not found", "There is no staff member " + username + ".");
    }

    static ErrorResponseException invalidWorkingHours(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid working hours", detail);
    }

    static ErrorResponseException tokenNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Token not found", "You have no API token with id " + id + ".");
    }
}
