package io.directline.identity.signin;

import io.directline.identity.UserManagement;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username and password (form sign-in and HTTP Basic), after asking the throttle: an address that
 * failed too often (for this account, or at all) is refused; an account under attack from elsewhere is only
 * slowed down, so its rightful user still gets in.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Duration slowDown;
    private final Consumer<Duration> pause;

    public ThrottledAuthenticationProvider(
            DaoAuthenticationProvider delegate, LoginThrottle throttle, Duration slowDown, Consumer<Duration> pause) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.slowDown = slowDown;
        this.pause = pause;
    }

    /** Waits on the calling thread; the pause of a sign-in to an account under attack. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        var refusal = throttle.refusal(username, address);
        if (refusal.isPresent()) {
            throw new LoginThrottledException(refusal.get());
        }
        if (throttle.underAttack(username)) {
            pause.accept(slowDown);
        }
        try {
            if (!fits(authentication.getCredentials())) {
                // bcrypt reads only the first 72 bytes, so the stored password followed by anything would pass
                throw new BadCredentialsException("The password is longer than any password can be.");
            }
            var result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    private static boolean fits(Object credentials) {
        return !(credentials instanceof String password) || UserManagement.passwordFits(password);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
