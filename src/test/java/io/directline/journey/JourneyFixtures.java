package io.directline.journey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** Orders for tests. */
public final class JourneyFixtures {

    private JourneyFixtures() {}

    /** An order of {@code model} for the owner, delivered in Berlin, promised for delivery on {@code promised}. */
    public static OrderDetails order(long customerId, String model, LocalDate promised) {
        return order(customerId, model, "Berlin", "10115", 52.52, 13.405, Set.of(), promised);
    }

    public static OrderDetails order(
            long customerId,
            String model,
            String region,
            String postalCode,
            Double latitude,
            Double longitude,
            Set<String> tags,
            LocalDate promised) {
        return new OrderDetails(
                customerId,
                model,
                "Long range, midnight blue",
                region,
                postalCode,
                latitude,
                longitude,
                tags,
                Map.of(
                        Milestone.RESERVATION,
                        new MilestonePlan(promised.minusMonths(6), null, promised.minusMonths(6)),
                        Milestone.DELIVERED,
                        new MilestonePlan(promised, null, null)),
                null,
                "import");
    }

    /** The same order with the delivery estimate moved to {@code estimate} for {@code reason}. */
    public static OrderDetails withDeliveryEstimate(OrderDetails order, LocalDate estimate, String reason) {
        var milestones = new java.util.HashMap<>(order.milestones());
        var delivered = milestones.get(Milestone.DELIVERED);
        milestones.put(Milestone.DELIVERED, new MilestonePlan(delivered.promised(), estimate, delivered.actual()));
        return new OrderDetails(
                order.customerId(),
                order.model(),
                order.configuration(),
                order.region(),
                order.postalCode(),
                order.latitude(),
                order.longitude(),
                order.tags(),
                milestones,
                reason,
                order.by());
    }
}
