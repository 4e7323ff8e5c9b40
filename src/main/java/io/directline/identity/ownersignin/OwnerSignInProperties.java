package io.directline.identity.ownersignin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Owners' sign-in by a one-time code or link.
 *
 * @param codeTtl how long a code (and the link sent with it) may be used
 * @param maxCodeFailures wrong codes after which the code is locked (a new one must be asked for)
 * @param maxRequestsPerHandle codes that may be asked for one e-mail address or phone number within
 *     {@code requestWindow}
 * @param maxRequestsPerAddress codes asked for and codes tried from one client address within {@code requestWindow}
 * @param requestWindow the window over which requests are counted
 * @param caseLinkTtl how long the link in a long answer may be used
 * @param maxTracked how many handles and addresses the rate limit remembers each, least recently seen forgotten first
 */
@Validated
@ConfigurationProperties("directline.identity.owner-sign-in")
public record OwnerSignInProperties(
        @DefaultValue("15m") @NotNull Duration codeTtl,
        @DefaultValue("5") @Min(1) int maxCodeFailures,
        @DefaultValue("3") @Min(1) int maxRequestsPerHandle,
        @DefaultValue("20") @Min(1) int maxRequestsPerAddress,
        @DefaultValue("15m") @NotNull Duration requestWindow,
        @DefaultValue("7d") @NotNull Duration caseLinkTtl,
        @DefaultValue("100000") @Min(10) int maxTracked) {}
