package io.directline.identity.user;

import io.directline.identity.UserManagement;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The identity module's refusals, each with a sentence a person understands. */
public final class UserProblems {

    private UserProblems() {}

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    public static ErrorResponseException usernameTaken(String username) {
        return problem(HttpStatus.CONFLICT, "Username taken", "The username " + username + " is already taken.");
    }

    public static ErrorResponseException invalidRoles(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid roles", detail);
    }

    public static ErrorResponseException passwordTooLong(int bytes) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "Password too long",
                "A password may be at most " + UserManagement.MAX_PASSWORD_BYTES + " bytes in UTF-8 ("
                        + UserManagement.MAX_PASSWORD_BYTES
                        + " plain letters and digits, fewer with accented letters or other scripts); this one has "
                        + bytes
                        + ".");
        problem.getBody().setProperty("field", "password");
        return problem;
    }

    public static ErrorResponseException staffNotFound(String username) {
        return problem(HttpStatus.NOT_FOUND, "Staff member not found", "There is no staff member " + username + ".");
    }

    public static ErrorResponseException invalidWorkingHours(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid working hours", detail);
    }

    public static ErrorResponseException tokenOutlivesItsIssuer(Instant ceiling, Duration left) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "Token would outlive its issuer",
                "A request signed with an API token may only issue tokens that expire no later than that token, at "
                        + ceiling + ": ask for at most " + left.toDays()
                        + " days (expiresInDays), or leave expiresInDays out to expire with it.");
        problem.getBody().setProperty("field", "expiresInDays");
        problem.getBody().setProperty("latestExpiry", ceiling.toString());
        return problem;
    }

    public static ErrorResponseException tokenNotFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Token not found", "You have no API token with id " + id + ".");
    }
}
