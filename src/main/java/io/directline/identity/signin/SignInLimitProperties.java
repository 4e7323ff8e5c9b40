package io.directline.identity.signin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in limits.
 *
 * @param maxFailuresPerAccount failed sign-ins allowed for one username from one client address within
 *     {@code failureWindow}, before that address is refused for that username; from all addresses together,
 *     before every sign-in to the username is slowed by {@code slowDown}
 * @param maxFailuresPerAddress failed sign-ins allowed from one client address within {@code failureWindow}
 * @param failureWindow the window over which failures are counted
 * @param slowDown how long a sign-in to an account under attack waits before its password is checked
 * @param maxTracked how many accounts, addresses and pairs of them the throttle remembers each; the least
 *     recently seen are forgotten first
 */
@Validated
@ConfigurationProperties("directline.identity.login")
public record SignInLimitProperties(
        @DefaultValue("5") @Min(1) int maxFailuresPerAccount,
        @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") @NotNull Duration failureWindow,
        @DefaultValue("2s") @NotNull Duration slowDown,
        @DefaultValue("100000") @Min(10) int maxTracked) {}
