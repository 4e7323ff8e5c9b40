package io.directline.journey;

import java.time.LocalDate;

/**
 * One owner in a segment, with the personal details a broadcast's template fills in, taken from their first
 * matching order (by reference) when they have several.
 *
 * @param milestone the milestone the dates are of: the segment's milestone, or delivery when it names none
 * @param previousDate the estimate before the latest change (the first promise when it never changed)
 * @param newDate the current estimate
 * @param reason the reason given for the latest change, or null
 */
public record SegmentMember(
        long customerId,
        String orderRef,
        String model,
        Milestone milestone,
        LocalDate previousDate,
        LocalDate newDate,
        String reason) {}
