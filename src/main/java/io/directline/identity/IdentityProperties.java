package io.directline.identity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in limits.
 *
 * @param maxFailuresPerAccount failed sign-ins allowed for one username within {@code failureWindow}
 * @param maxFailuresPerAddress failed sign-ins allowed from one client address within {@code failureWindow}
 * @param failureWindow the window over which failures are counted
 */
@Validated
@ConfigurationProperties("directline.identity.login")
record IdentityProperties(
        @DefaultValue("5") @Min(1) int maxFailuresPerAccount,
        @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") @NotNull Duration failureWindow) {}
