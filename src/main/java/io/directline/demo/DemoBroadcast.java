package io.directline.demo;

import io.directline.broadcast.Broadcasting;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.identity.UserManagement;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import io.directline.journey.Segment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The demo's broadcast, after the rest of the story is loaded: forty owners ordered the new "Aurora", whose production
 * slipped three weeks for a shortage of battery cells, and the supervisor told them all — personally, with the old and
 * the new date and the reason — approved by the executive. The broadcast's notices go out at the first start, so it
 * is finished by the time a newcomer opens the broadcasts page.
 */
@Component
@Order(20)
class DemoBroadcast implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBroadcast.class);
    static final String MODEL = "Aurora";
    private static final int OWNERS = 40;

    private final DemoProperties properties;
    private final UserManagement users;
    private final CustomerManagement customers;
    private final Orders orders;
    private final Broadcasting broadcasting;
    private final Clock clock;

    DemoBroadcast(
            DemoProperties properties,
            UserManagement users,
            CustomerManagement customers,
            Orders orders,
            Broadcasting broadcasting,
            Clock clock) {
        this.properties = properties;
        this.users = users;
        this.customers = customers;
        this.orders = orders;
        this.broadcasting = broadcasting;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()
                || !users.exists("supervisor")
                || !users.exists("executive")
                || broadcasting.anyMade()) {
            return;
        }
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var promised = today.plusWeeks(6);
        var estimate = promised.plusWeeks(3);
        int n = 0;
        for (Customer owner : customers.list(null, PageRequest.of(0, OWNERS)).getContent()) {
            var ref = "AUR-" + (10_000 + owner.getId());
            orders.upsert(
                    ref,
                    new OrderDetails(
                            owner.getId(),
                            MODEL,
                            "Long range, glacier white",
                            null,
                            null,
                            null,
                            null,
                            Set.of("launch-edition"),
                            Map.of(
                                    Milestone.ORDER_CONFIRMED,
                                    new MilestonePlan(today.minusMonths(2), null, today.minusMonths(2)),
                                    Milestone.DELIVERED,
                                    new MilestonePlan(promised, null, null)),
                            null,
                            "demo",
                            io.directline.journey.Price.usd(96_500)));
            orders.moveEstimate(
                    ref, Milestone.DELIVERED, estimate, "a shortage of battery cells at our supplier", "demo");
            n++;
        }
        if (n == 0) {
            return;
        }
        long id = broadcasting.createAndApprove(
                new Segment(MODEL, null, null, null, null, null, null, null, null, Set.of()),
                "{firstName}, your Aurora {orderRef} arrives three weeks later",
                "Dear {firstName},\n\nwe promised your Aurora {orderRef} for {previousDate}. Because of {reason}, our"
                        + " plant builds it later than planned: it now arrives on {newDate}.\n\nWe are sorry. We"
                        + " wanted you to hear it from us before you had to ask, and we will write again if the date"
                        + " moves. Answer this message with any question; it reaches our delivery team.",
                "{firstName}, your Aurora {orderRef} now arrives on {newDate} ({reason}). We are sorry.",
                "supervisor",
                "Jordan Lee",
                "executive",
                "Dana Whitfield");
        log.info("Demo broadcast {}: a production delay told to the {} owners of an Aurora.", id, n);
    }
}
