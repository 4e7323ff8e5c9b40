package io.directline.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Thrown when an owner id names no owner. */
public class CustomerNotFoundException extends ErrorResponseException {

    public CustomerNotFoundException(long id) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No owner with id " + id + "."),
                null);
        getBody().setTitle("Owner not found");
    }
}
