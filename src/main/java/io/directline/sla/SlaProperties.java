package io.directline.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA timers.
 *
 * @param watchdogInterval how often the watchdog looks for promises whose due time has passed
 */
@Validated
@ConfigurationProperties("directline.sla")
record SlaProperties(@DefaultValue("30s") @NotNull Duration watchdogInterval) {}
