package io.directline.identity.security;

import io.directline.identity.signin.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Answers the API's 401, 403 and 429 as problem details, with a sentence that says what to do. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", e.getMessage(), seconds);
            return;
        }
        response.setHeader("WWW-Authenticate", challenge(request));
        String detail = e instanceof BadCredentialsException
                        && e.getMessage() != null
                        && e.getMessage().contains("API token")
                ? e.getMessage()
                : e instanceof BadCredentialsException
                        ? "The username or password is wrong."
                        : "Sign in first: send HTTP Basic credentials or 'Authorization: Bearer <API token>'.";
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required", detail, -1);
    }

    /**
     * A Basic challenge only to a client that sent Basic credentials: a browser answers one with a password
     * dialog, which nobody browsing to an API address should meet. Everyone else is told to bring a token.
     */
    private static String challenge(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "Basic realm=\"Direct Line\", Bearer realm=\"Direct Line\"";
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer realm=\"Direct Line\", error=\"invalid_token\"";
        }
        return "Bearer realm=\"Direct Line\"";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this request.", -1);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail, long retryAfter)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (retryAfter >= 0) {
            problem.setProperty("retryAfter", retryAfter);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
