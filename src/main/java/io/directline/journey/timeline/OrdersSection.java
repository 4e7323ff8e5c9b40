package io.directline.journey.timeline;

import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import io.directline.journey.Milestone;
import io.directline.journey.Orders;
import io.directline.journey.delay.Stages;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The owner page's orders: stage, delivery promised and estimated, and whether it is delayed; one indexed read. */
@Component
@Order(15)
class OrdersSection implements OwnerPageSection {

    static final int MAX_ORDERS = 100;

    private final Orders orders;

    OrdersSection(Orders orders) {
        this.orders = orders;
    }

    @Override
    public OwnerSection sectionFor(long customerId) {
        var rows = orders.ofCustomer(customerId).stream()
                .limit(MAX_ORDERS)
                .map(o -> {
                    var delivery = o.milestone(Milestone.DELIVERED);
                    var cells = new LinkedHashMap<String, String>();
                    cells.put("Order", o.ref());
                    cells.put("Model", o.model());
                    cells.put("Stage", Stages.label(o.stage()));
                    cells.put(
                            "Delivery promised",
                            delivery == null || delivery.promised() == null
                                    ? ""
                                    : delivery.promised().toString());
                    cells.put(
                            "Delivery estimated",
                            delivery == null || delivery.estimate() == null
                                    ? ""
                                    : delivery.estimate().toString());
                    var late = o.milestones().stream()
                            .filter(m -> m.delayed())
                            .map(m -> Stages.label(m.milestone()) + (m.reason() == null ? "" : ": " + m.reason()))
                            .toList();
                    cells.put("Delay", late.isEmpty() ? "on time" : String.join("; ", late));
                    return new OwnerSection.Row(null, cells);
                })
                .toList();
        return new OwnerSection(
                "orders",
                "Orders",
                List.of("Order", "Model", "Stage", "Delivery promised", "Delivery estimated", "Delay"),
                rows,
                "No orders.");
    }
}
