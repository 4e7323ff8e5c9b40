package io.directline;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of the events modules publish to each other (Spring Modulith's event publication registry).
 *
 * @param resubmitAfter an event whose delivery to a listener has not completed this long after it was
 *     published is delivered again (a listener that failed is retried)
 * @param resubmitInterval how often this node looks for such events
 * @param stuckAfter an event still not delivered this long after it was published turns the
 *     {@code eventPublications} health DOWN and is logged as a warning
 */
@Validated
@ConfigurationProperties("directline.events")
record EventsProperties(
        @DefaultValue("5m") @NotNull Duration resubmitAfter,
        @DefaultValue("1m") @NotNull Duration resubmitInterval,
        @DefaultValue("30m") @NotNull Duration stuckAfter) {}
