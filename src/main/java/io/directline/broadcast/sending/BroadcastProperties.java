package io.directline.broadcast.sending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Broadcasts.
 *
 * @param fourEyesAbove a broadcast reaching more owners than this needs a second person's approval
 * @param pageSize owners per fan-out page: one transaction queues their notices and moves the cursor
 * @param resumeEvery how often a node looks for fan-outs that stopped (a failed page, a node that died) to resume
 * @param noteCap the most owners one personal note goes to
 */
@Validated
@ConfigurationProperties("directline.broadcast")
public record BroadcastProperties(
        @DefaultValue("1000") @PositiveOrZero long fourEyesAbove,
        @DefaultValue("1000") @Min(1) @Max(10_000) int pageSize,
        @DefaultValue("30s") @NotNull Duration resumeEvery,
        @DefaultValue("50") @Min(1) @Max(500) int noteCap) {}
