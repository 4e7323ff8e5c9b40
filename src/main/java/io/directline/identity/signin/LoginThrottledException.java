package io.directline.identity.signin;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because of too many recent failures. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins. Try again in " + humanize(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    static String humanize(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 90) {
            return seconds + " seconds";
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
