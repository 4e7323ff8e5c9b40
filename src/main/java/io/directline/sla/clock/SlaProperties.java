package io.directline.sla.clock;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA timers and the escalation ladder.
 *
 * @param watchdogInterval how often the watchdog looks for clocks, promises and notices that are due
 * @param ownerNoticeGap the least time between two automatic "we are late" notices to one owner
 * @param recoveryTime the working time, on the case's calendar, within which the new holder of an escalated
 *     case promises the owner to get back to them
 * @param executiveOffice the username at the top of the ladder; empty for the first executive by username
 */
@Validated
@ConfigurationProperties("directline.sla")
record SlaProperties(
        @DefaultValue("30s") @NotNull Duration watchdogInterval,
        @DefaultValue("4h") @NotNull Duration ownerNoticeGap,
        @DefaultValue("4h") @NotNull Duration recoveryTime,
        @DefaultValue("") String executiveOffice) {}
