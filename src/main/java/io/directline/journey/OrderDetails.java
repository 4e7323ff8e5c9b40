package io.directline.journey;

import java.util.Map;
import java.util.Set;

/**
 * An order as the system of record describes it, for {@link Orders#upsert(String, OrderDetails)}.
 *
 * @param customerId the owner; must name an owner
 * @param model the model ordered, never blank
 * @param configuration the configuration (trim, colour, options) as free text; may be null
 * @param region the delivery region; may be null
 * @param postalCode the delivery postal code; may be null
 * @param latitude with {@code longitude}: where it is delivered; both or neither
 * @param tags replace the order's tags; null or empty for none
 * @param milestones the dates per milestone; milestones left out keep what the journey has
 * @param reason why an estimate moved, required when one does (the upsert is refused without it)
 * @param by who or what made the change (a username, "import"), never blank
 * @param price what the order was bought for; null keeps the price the order has (none for a new one)
 */
public record OrderDetails(
        long customerId,
        String model,
        String configuration,
        String region,
        String postalCode,
        Double latitude,
        Double longitude,
        Set<String> tags,
        Map<Milestone, MilestonePlan> milestones,
        String reason,
        String by,
        Price price) {

    /** Details without a price: an order keeps the price it has. */
    public OrderDetails(
            long customerId,
            String model,
            String configuration,
            String region,
            String postalCode,
            Double latitude,
            Double longitude,
            Set<String> tags,
            Map<Milestone, MilestonePlan> milestones,
            String reason,
            String by) {
        this(
                customerId,
                model,
                configuration,
                region,
                postalCode,
                latitude,
                longitude,
                tags,
                milestones,
                reason,
                by,
                null);
    }

    /** Throws {@link InvalidOrderException} for a tag that is null (a list with an empty entry). */
    public OrderDetails {
        if (tags != null && tags.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidOrderException("tags", "A tag is 1 to 60 characters long; an empty one is not.");
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        var plans = new java.util.EnumMap<Milestone, MilestonePlan>(Milestone.class);
        if (milestones != null) {
            milestones.forEach((milestone, plan) -> {
                if (milestone != null && plan != null) {
                    plans.put(milestone, plan);
                }
            });
        }
        milestones = java.util.Collections.unmodifiableMap(plans);
    }
}
