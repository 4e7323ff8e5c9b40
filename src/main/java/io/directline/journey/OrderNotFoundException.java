package io.directline.journey;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Thrown when a reference names no order (a 404 problem). */
public class OrderNotFoundException extends ErrorResponseException {

    public OrderNotFoundException(String ref) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND,
                        "There is no order " + (ref.length() > 64 ? ref.substring(0, 61) + "..." : ref) + "."),
                null);
        getBody().setTitle("Order not found");
    }
}
