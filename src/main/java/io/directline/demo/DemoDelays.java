package io.directline.demo;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Customer;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The delay story of the first start: a few owners' deliveries slip past their promise, with a reason, and the
 * journey holds a personal notice for each (it goes after the hold); one of them writes before being told, and their
 * case shows "had to ask". The demo's own owner is among the delayed, so the portal's "My orders" shows the change.
 */
@Component
class DemoDelays {

    static final String[] REASONS = {
        "The battery cells for this batch arrive three weeks late from our supplier.",
        "A storm closed the port where your car waits for its ship.",
        "Your configuration's seats failed our final quality check; new ones are on their way.",
    };

    private final Orders orders;
    private final CaseManagement cases;
    private final Clock clock;

    DemoDelays(Orders orders, CaseManagement cases, Clock clock) {
        this.orders = orders;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Delays the delivery of one order each for the given owners (the first is the demo's own owner); the last of
     * them writes about it at once. Returns how many orders were delayed.
     */
    int tell(List<Customer> owners, String[] models) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < owners.size(); i++) {
            var owner = owners.get(i);
            var ref = "DEMO-DELAY-" + (i + 1);
            var promised = today.plusWeeks(6 + i);
            var milestones = new LinkedHashMap<Milestone, MilestonePlan>();
            milestones.put(Milestone.RESERVATION, new MilestonePlan(today.minusMonths(5), null, today.minusMonths(5)));
            milestones.put(
                    Milestone.ORDER_CONFIRMED, new MilestonePlan(today.minusMonths(4), null, today.minusMonths(4)));
            milestones.put(Milestone.IN_PRODUCTION, new MilestonePlan(today.minusWeeks(1), null, null));
            milestones.put(Milestone.IN_TRANSIT, new MilestonePlan(promised.minusWeeks(3), null, null));
            milestones.put(Milestone.DELIVERED, new MilestonePlan(promised, null, null));
            var address = owner.getAddress();
            orders.upsert(
                    ref,
                    new OrderDetails(
                            owner.getId(),
                            models[i % models.length],
                            "Long range, midnight blue",
                            address == null ? null : address.region(),
                            address == null ? null : address.postalCode(),
                            address == null ? null : address.latitude(),
                            address == null ? null : address.longitude(),
                            Set.of("pre-order"),
                            milestones,
                            null,
                            "import",
                            io.directline.journey.Price.usd(58_900 + 4_000L * (i % 10))));
            orders.moveEstimate(ref, Milestone.DELIVERED, promised.plusWeeks(3), REASONS[i % REASONS.length], "import");
            if (i == owners.size() - 1) {
                cases.open(
                        new OpenCase(
                                owner.getId(),
                                "Where is my car?",
                                "My delivery date for order " + ref + " was " + promised
                                        + ". Is that still right? Nobody told me anything.",
                                owner.getPreferredChannel(),
                                Priority.NORMAL,
                                "delivery",
                                ref,
                                null),
                        new Actor("demo-owner-" + owner.getId(), owner.getName(), owner.getPreferredChannel()));
            }
        }
        return owners.size();
    }
}
