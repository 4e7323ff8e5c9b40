package io.directline.journey.timeline;

import io.directline.cases.CaseOrderLinks;
import io.directline.cases.SupportCase;
import io.directline.journey.Orders;
import io.directline.journey.delay.Asks;
import io.directline.journey.delay.Stages;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The case page's link to the order a case names: the order's line on its owner's page, and the stage. */
@Component
class OrderLinks implements CaseOrderLinks {

    private final Orders orders;
    private final Asks asks;

    OrderLinks(Orders orders, Asks asks) {
        this.orders = orders;
        this.asks = asks;
    }

    @Override
    public Optional<CaseOrder> orderOf(SupportCase supportCase) {
        var ask = asks.ofCase(supportCase.getId());
        var ref = supportCase.getOrderId() != null
                ? supportCase.getOrderId()
                : ask.map(Asks.Ask::orderRef).orElse(null);
        if (ref == null) {
            return Optional.empty();
        }
        var typed = ref.strip();
        return orders.find(typed)
                .or(() -> orders.find(typed.toUpperCase(Locale.ROOT)))
                .filter(o -> o.customerId() == supportCase.getCustomerId())
                .map(o -> new CaseOrder(
                        o.ref(),
                        "/customers/" + o.customerId() + "#owner-orders",
                        Stages.label(o.stage()),
                        ask.map(Asks.Ask::label).orElse(null)));
    }
}
