package io.directline.identity.ownersignin;

import io.directline.identity.token.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners sign in over the API: ask for a code for a handle (always the same 202), then trade the code for a
 * personal API token. Open to anyone; rate-limited per handle and per client address (429 with Retry-After).
 */
@RestController
class OwnerSignInApiController {

    static final String ASKED = "If this e-mail address or phone number belongs to an owner, a sign-in code is on"
            + " its way. It works once, for a limited time.";

    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private final OwnerSignIn signIn;
    private final ApiTokens tokens;

    OwnerSignInApiController(OwnerSignIn signIn, ApiTokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    record CodeRequest(String handle) {}

    record CodeAnswer(String handle, String code) {}

    record SignedIn(String token, long customerId) {}

    @PostMapping("/api/v1/owner-sign-in/codes")
    ResponseEntity<Map<String, String>> ask(@RequestBody CodeRequest request, HttpServletRequest http) {
        OwnerSignIn.Asked asked;
        try {
            asked = signIn.ask(request.handle(), http.getRemoteAddr());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Not a handle", e.getMessage());
        }
        if (asked.retryAfter().isPresent()) {
            long seconds = Math.max(1, asked.retryAfter().get().toSeconds());
            var refusal = problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests",
                    "Too many sign-in codes were asked for lately. Try again in " + seconds + " seconds.");
            refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw refusal;
        }
        return ResponseEntity.accepted().body(Map.of("message", ASKED));
    }

    @PostMapping("/api/v1/owner-sign-in/tokens")
    ResponseEntity<SignedIn> signIn(@RequestBody CodeAnswer answer, HttpServletRequest http) {
        var user = signIn.signInWithCode(answer.handle(), answer.code(), http.getRemoteAddr())
                .orElseThrow(() -> problem(
                        HttpStatus.UNAUTHORIZED,
                        "Code not accepted",
                        "This code is wrong, expired or already used. Ask for a new code."));
        var issued = tokens.issue(user.id(), "Signed in with a code", TOKEN_LIFETIME);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignedIn(issued.secret(), user.customerId()));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
