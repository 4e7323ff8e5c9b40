package io.directline.journey;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An order and its journey.
 *
 * @param stage the current stage: the latest milestone reached, or the first one planned while none is
 * @param milestones the milestones the order has, in journey order
 * @param history every change of estimate, oldest first
 * @param price what the order was bought for, or null when the system of record gave no price
 */
public record Order(
        String ref,
        long customerId,
        String model,
        String configuration,
        String region,
        String postalCode,
        Double latitude,
        Double longitude,
        Set<String> tags,
        Milestone stage,
        List<MilestoneStatus> milestones,
        List<EstimateChange> history,
        Instant createdAt,
        Instant updatedAt,
        Price price) {

    /** The milestone's status, or null when the order has no such milestone. */
    public MilestoneStatus milestone(Milestone milestone) {
        return milestones.stream()
                .filter(m -> m.milestone() == milestone)
                .findFirst()
                .orElse(null);
    }
}
