package io.directline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties(3, 5, Duration.ofMinutes(15)));

    @Test
    void refusesAnAccountAfterTooManyFailuresAndSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("ada", "10.0.0.1")).isEmpty();
            throttle.failed("ada", "10.0.0.1");
        }
        var refusal = throttle.refusal("ada", "10.0.0.2");
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void usernamesAreCountedCaseInsensitively() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(i % 2 == 0 ? "Bob" : "bob", "10.0.0." + i);
        }
        assertThat(throttle.refusal("BOB", "10.0.0.9")).isPresent();
    }

    @Test
    void otherAccountsFromOtherAddressesAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", "10.0.0.1");
        }
        assertThat(throttle.refusal("dave", "10.0.0.2")).isEmpty();
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
    void successfulSignInForgivesTheAccountsFailures() {
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.1");
        throttle.succeeded("erin");
        throttle.failed("erin", "10.0.0.1");
        throttle.failed("erin", "10.0.0.1");
        assertThat(throttle.refusal("erin", "10.0.0.3")).isEmpty();
    }
}
