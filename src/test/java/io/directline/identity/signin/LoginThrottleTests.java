package io.directline.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTests {

    private static final Duration SLOW_DOWN = Duration.ofSeconds(2);

    private final LoginThrottle throttle =
            new LoginThrottle(new SignInLimitProperties(3, 5, Duration.ofMinutes(15), SLOW_DOWN, 50));

    private final List<Duration> pauses = new ArrayList<>();
    private final ThrottledAuthenticationProvider provider =
            new ThrottledAuthenticationProvider(passwords("admin", "the-right-one"), throttle, SLOW_DOWN, pauses::add);

    @Test
    void anAttackerFailingFromOneAddressDoesNotStopTheOwnerSigningInFromAnother() {
        // one wrong guess every few minutes, for as long as the attacker likes
        for (int i = 0; i < 10; i++) {
            attempt("admin", "guess-" + i, "203.0.113.7");
        }
        assertThatThrownBy(() -> signIn("admin", "guess-11", "203.0.113.7"))
                .as("the guessing address is refused for this account")
                .isInstanceOf(LoginThrottledException.class);

        var signedIn = signIn("admin", "the-right-one", "198.51.100.20");

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo("admin");
    }

    @Test
    void aCorrectPasswordGetsIntoAnAccountUnderAttackAfterAShortPause() {
        // guesses from many addresses, each below its own limits, together put the account under attack
        for (int i = 0; i < 6; i++) {
            attempt("admin", "guess-" + i, "192.0.2." + i);
        }
        assertThat(throttle.underAttack("admin")).isTrue();
        pauses.clear();

        var signedIn = signIn("admin", "the-right-one", "198.51.100.20");

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(pauses).as("the sign-in waited, and was not refused").containsExactly(SLOW_DOWN);
    }

    @Test
    void aWrongPasswordForAnAccountUnderAttackWaitsAsLongAsARightOne() {
        for (int i = 0; i < 3; i++) {
            attempt("admin", "guess-" + i, "192.0.2." + i);
        }
        assertThat(pauses).isEmpty();
        assertThatThrownBy(() -> signIn("admin", "another-guess", "192.0.2.99"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(pauses).containsExactly(SLOW_DOWN);
    }

    @Test
    void anAccountNobodyAttacksSignsInWithoutWaiting() {
        attempt("admin", "a-typo", "198.51.100.20");
        assertThat(signIn("admin", "the-right-one", "198.51.100.20").isAuthenticated())
                .isTrue();
        assertThat(pauses).isEmpty();
    }

    @Test
    void refusesAnAddressForAnAccountAfterTooManyFailuresAndSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("ada", "10.0.0.1")).isEmpty();
            throttle.failed("ada", "10.0.0.1");
        }
        var refusal = throttle.refusal("ada", "10.0.0.1");
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.refusal("ada", "10.0.0.2")).as("another address").isEmpty();
    }

    @Test
    void usernamesAreCountedCaseInsensitively() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(i % 2 == 0 ? "Bob" : "bob", "10.0.0.1");
        }
        assertThat(throttle.refusal("BOB", "10.0.0.1")).isPresent();
    }

    @Test
    void otherAccountsFromOtherAddressesAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", "10.0.0.1");
        }
        assertThat(throttle.refusal("dave", "10.0.0.2")).isEmpty();
        assertThat(throttle.underAttack("dave")).isFalse();
    }

    @Test
    void refusesAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.refusal("someone-new", "192.0.2.7")).isPresent();
        assertThat(throttle.refusal("someone-new", "192.0.2.8")).isEmpty();
    }

    @Test
    void successfulSignInForgivesTheOwnersMistakesAtTheirAddressOnly() {
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.9");
        throttle.failed("erin", "10.0.0.9");
        throttle.succeeded("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.9");
        assertThat(throttle.refusal("erin", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal("erin", "10.0.0.9"))
                .as("the guesser elsewhere is not forgiven")
                .isPresent();
    }

    @Test
    void manyDistinctAddressesAndUsernamesDoNotGrowTheThrottlePastItsBound() {
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("user-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.tracked()).isEqualTo(50);
        throttle.failed("x".repeat(100_000), "10.9.9.9");
        assertThat(throttle.refusal("x".repeat(100_000), "10.9.9.9")).isEmpty();
    }

    @Test
    void theMostRecentlySeenAreKeptWhenTheBoundIsReached() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "203.0.113.7");
        }
        for (int i = 0; i < 45; i++) {
            throttle.failed("user-" + i, "10.0.1." + i);
            throttle.refusal("admin", "203.0.113.7"); // the attacker keeps knocking
        }
        assertThat(throttle.refusal("admin", "203.0.113.7")).isPresent();
    }

    private void attempt(String username, String password, String address) {
        try {
            signIn(username, password, address);
        } catch (BadCredentialsException | LoginThrottledException expected) {
            // a wrong guess, or one the throttle refused
        }
    }

    private org.springframework.security.core.Authentication signIn(String username, String password, String address) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(request);
    }

    private static DaoAuthenticationProvider passwords(String username, String password) {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var user = User.withUsername(username)
                .password(encoder.encode(password))
                .roles("ADMIN")
                .build();
        var dao = new DaoAuthenticationProvider(name -> {
            if (name.equals(username)) {
                return User.withUserDetails(user).build();
            }
            throw new UsernameNotFoundException(name);
        });
        dao.setPasswordEncoder(encoder);
        return dao;
    }
}
