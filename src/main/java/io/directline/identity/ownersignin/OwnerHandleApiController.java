package io.directline.identity.ownersignin;

import io.directline.customer.Handle;
import io.directline.customer.HandleKind;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in owner adds an e-mail address or phone number and proves it with the code sent to it. A handle of
 * another owner is a 409 (staff merge owners; owners never do).
 */
@Tag(name = "My settings", description = "The signed-in owner's own settings and handles")
@RestController
class OwnerHandleApiController {

    private final OwnerSignIn signIn;

    OwnerHandleApiController(OwnerSignIn signIn) {
        this.signIn = signIn;
    }

    record NewHandle(String kind, String value) {}

    record Proof(String code) {}

    record HandleView(long id, HandleKind kind, String value, boolean verified) {
        static HandleView of(Handle h) {
            return new HandleView(h.id(), h.kind(), h.value(), h.verified());
        }
    }

    @Operation(summary = "Add an e-mail address or phone number; a code to prove it is sent to it")
    @PostMapping("/api/v1/me/handles")
    ResponseEntity<HandleView> add(
            @AuthenticationPrincipal DirectLineUser owner, @RequestBody NewHandle request, HttpServletRequest http) {
        var kind = HandleKind.parse(request.kind());
        OwnerSignIn.Adding added;
        try {
            added = signIn.addHandle(owner.customerId(), kind, request.value(), http.getRemoteAddr());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Not a handle", e.getMessage());
        }
        if (added.retryAfter().isPresent()) {
            var seconds = Long.toString(Math.max(1, added.retryAfter().get().toSeconds()));
            var refusal = problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests",
                    "Too many codes were asked for lately. Try again in " + seconds + " seconds.");
            refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds);
            throw refusal;
        }
        if (added.elsewhere()) {
            throw problem(HttpStatus.CONFLICT, "On another account", OwnerSignIn.elsewhere(request.value()));
        }
        var handle = added.handle();
        return ResponseEntity.created(URI.create("/api/v1/me/handles/" + handle.id()))
                .body(HandleView.of(handle));
    }

    @Operation(summary = "Prove one of my handles with the code sent to it")
    @PostMapping("/api/v1/me/handles/{id}/verify")
    HandleView verify(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, @RequestBody Proof proof) {
        var handle = signIn.verifyHandle(owner.customerId(), id, proof.code())
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Unknown handle", "You have no handle " + id + "."));
        if (!handle.verified()) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "Code not accepted",
                    "This code is wrong, expired or already used. Add the handle again for a new code.");
        }
        return HandleView.of(handle);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
