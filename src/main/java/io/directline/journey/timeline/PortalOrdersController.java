package io.directline.journey.timeline;

import io.directline.identity.DirectLineUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The owner's orders on the portal, each a timeline. */
@Controller
class PortalOrdersController {

    private final OrderTimelines timelines;

    PortalOrdersController(OrderTimelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/portal/orders")
    String myOrders(@AuthenticationPrincipal DirectLineUser owner, Model model) {
        model.addAttribute("orders", timelines.ofOwner(owner.customerId()));
        return "journey/portal-orders";
    }
}
