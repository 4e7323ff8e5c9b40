package io.directline.experience.priority;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The weights of the inbox's "most at stake first" order (see {@link PriorityPolicy}).
 *
 * @param minutesPerThousandAtRisk minutes a case moves ahead of its SLA deadline per $1,000 of its owner's value at
 *     risk
 * @param minutesPerBalancePoint minutes a case moves ahead per point its owner's balance is below zero
 * @param maxStake the furthest a case moves ahead for what is at stake
 */
@Validated
@ConfigurationProperties("directline.experience.priority")
public record PriorityProperties(
        @DefaultValue("2") @Min(0) @Max(1000) int minutesPerThousandAtRisk,
        @DefaultValue("5") @Min(0) @Max(1000) int minutesPerBalancePoint,
        @DefaultValue("24h") @NotNull Duration maxStake) {}
