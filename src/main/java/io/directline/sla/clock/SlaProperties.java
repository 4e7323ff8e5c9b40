package io.directline.sla.clock;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA timers.
 *
 * @param watchdogInterval how often the watchdog looks for clocks, promises and notices that are due
 * @param ownerNoticeGap the least time between two automatic "we are late" notices to one owner
 */
@Validated
@ConfigurationProperties("directline.sla")
public record SlaProperties(
        @DefaultValue("30s") @NotNull Duration watchdogInterval,
        @DefaultValue("4h") @NotNull Duration ownerNoticeGap) {}
