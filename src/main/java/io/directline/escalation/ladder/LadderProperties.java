package io.directline.escalation.ladder;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The escalation ladder.
 *
 * @param recoveryTime the working time, on the case's calendar, within which the new holder of an escalated
 *     case promises the owner to get back to them
 * @param executiveOffice the username at the top of the ladder; empty for the first executive by username
 */
@Validated
@ConfigurationProperties("directline.escalation.ladder")
record LadderProperties(
        @DefaultValue("4h") @NotNull Duration recoveryTime,
        @DefaultValue("") String executiveOffice) {}
