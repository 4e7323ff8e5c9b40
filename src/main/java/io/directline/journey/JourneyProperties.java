package io.directline.journey;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The journey's settings.
 *
 * @param delayThreshold an estimate later than the promise by more than this is a delay (whole days count)
 * @param importBatchSize rows of an order import applied per transaction
 */
@Validated
@ConfigurationProperties("directline.journey")
public record JourneyProperties(
        @DefaultValue("2d") @NotNull Duration delayThreshold,

        @DefaultValue("1000") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10000)
        int importBatchSize) {

    /** Whether {@code estimate} is later than {@code promised} by more than the threshold; false if either is null. */
    public boolean isDelay(java.time.LocalDate promised, java.time.LocalDate estimate) {
        return promised != null && estimate != null && estimate.isAfter(promised.plusDays(delayThreshold.toDays()));
    }
}
