package io.directline.journey.timeline;

import io.directline.identity.DirectLineUser;
import io.directline.journey.ServiceVisits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The owner's orders on the portal, each a timeline, and their service visits after them. */
@Controller
class PortalOrdersController {

    static final int MAX_VISITS = 20;

    private final OrderTimelines timelines;
    private final ObjectProvider<ServiceVisits> visits;
    private final Clock clock;

    PortalOrdersController(OrderTimelines timelines, ObjectProvider<ServiceVisits> visits, Clock clock) {
        this.timelines = timelines;
        this.visits = visits;
        this.clock = clock;
    }

    /**
     * A service visit on the timeline.
     *
     * @param state {@code done}, {@code current} (booked, still to come) or {@code cancelled}
     */
    record VisitStep(
            long id, String title, String where, LocalDate day, String dropOff, String state, String outcome) {}

    @GetMapping("/portal/orders")
    String myOrders(@AuthenticationPrincipal DirectLineUser owner, Model model) {
        model.addAttribute("orders", timelines.ofOwner(owner.customerId()));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute(
                "visits",
                visits.stream()
                        .flatMap(v -> v.ofOwner(owner.customerId(), MAX_VISITS).stream())
                        .map(v -> step(v, today))
                        .toList());
        return "journey/portal-orders";
    }

    private static VisitStep step(ServiceVisits.Visit v, LocalDate today) {
        String state;
        String outcome;
        switch (v.status()) {
            case "COMPLETED" -> {
                state = "done";
                outcome = Boolean.FALSE.equals(v.onTime()) ? "Done, later than the day booked" : "Done";
            }
            case "CANCELLED" -> {
                state = "cancelled";
                outcome = "Cancelled";
            }
            default -> {
                state = "current";
                outcome = v.day().isBefore(today) ? "Booked (waiting for the center's report)" : "Booked";
            }
        }
        return new VisitStep(
                v.id(),
                "Service visit: " + v.service(),
                v.center() + (v.address() == null ? "" : ", " + v.address()),
                v.day(),
                v.dropOff() == null ? null : v.dropOff().toString(),
                state,
                outcome);
    }
}
