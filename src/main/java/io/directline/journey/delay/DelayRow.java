package io.directline.journey.delay;

import io.directline.journey.Milestone;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One estimate of an order's milestone that the delay watch heard of.
 *
 * @param knownDate the date the owner knew when the notice went (the last one told, or the promise)
 */
public record DelayRow(
        long id,
        String orderRef,
        Milestone milestone,
        long customerId,
        LocalDate promisedDate,
        LocalDate knownDate,
        LocalDate newDate,
        String reason,
        DelayStatus status,
        Instant detectedAt,
        Instant dueAt,
        Instant toldAt,
        String toldBy) {

    /** The milestone is late as of this estimate. */
    public boolean delayed() {
        return status != DelayStatus.ON_TIME;
    }
}
