package io.directline.journey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The estimate of one of an order's milestones moved, with the reason given.
 *
 * @param promised the date first promised for this milestone (null when none was)
 * @param previous the estimate before the change (null for the first estimate)
 * @param current the new estimate
 * @param delayed the new estimate is later than the promise by more than the delay threshold
 */
public record OrderEstimateChanged(
        String orderRef,
        long customerId,
        Milestone milestone,
        LocalDate promised,
        LocalDate previous,
        LocalDate current,
        String reason,
        boolean delayed,
        Instant at) {}
