package io.directline.journey.delay;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Personal delay notices.
 *
 * @param delayNoticeHold how long a delay waits before its notice goes, so that a broadcast that covers it wins
 * @param delayNoticeGap the least time between two delay notices to one owner; a later one waits for it
 * @param delayWatchInterval how often the delay watch looks for notices that are due
 */
@Validated
@ConfigurationProperties("directline.journey")
public record DelayNoticeProperties(
        @DefaultValue("30m") @NotNull Duration delayNoticeHold,
        @DefaultValue("4h") @NotNull Duration delayNoticeGap,
        @DefaultValue("30s") @NotNull Duration delayWatchInterval) {}
