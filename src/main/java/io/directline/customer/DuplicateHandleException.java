package io.directline.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Thrown when an email address or phone number already belongs to another owner. */
public class DuplicateHandleException extends ErrorResponseException {

    DuplicateHandleException(String what, String value, long ownerId) {
        super(
                HttpStatus.CONFLICT,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "The " + what + " " + value + " already belongs to owner " + ownerId + "."),
                null);
        getBody().setTitle("Already registered");
        getBody().setProperty("existingCustomerId", ownerId);
    }
}
