package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's executive-escalation panel on their case page, and its button. */
@Controller
class OwnerEscalationPageController {

    private final EscalationRequests requests;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    OwnerEscalationPageController(
            EscalationRequests requests, CustomerManagement customers, UserManagement users, Clock clock) {
        this.requests = requests;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/portal/cases/{id}/executive-escalation")
    String ownerPanel(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, Model model) {
        var eligibility = requests.eligibility(id, owner.customerId());
        model.addAttribute("caseId", id);
        model.addAttribute("decision", eligibility.decision());
        model.addAttribute("open", eligibility.open().orElse(null));
        model.addAttribute("all", eligibility.all());
        model.addAttribute("domains", requests.domains());
        model.addAttribute("minReasonLength", requests.minReasonLength());
        // one key per form shown: pressing twice (or a resent form) makes one escalation
        model.addAttribute("requestKey", "portal-" + UUID.randomUUID());
        model.addAttribute("zone", ZoneId.of(customers.get(owner.customerId()).getTimeZone()));
        model.addAttribute("names", new StaffNames(users));
        return "escalation/portal-escalation :: panel";
    }

    @PostMapping("/portal/cases/{id}/executive-escalation")
    String escalate(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String requestKey) {
        var result =
                requests.request(id, owner.customerId(), reason, domain, requestKey, Actor.of(owner, Channel.PORTAL));
        if (result.escalation() == null) {
            throw EscalationProblems.refused(result.decision().refusal(), clock.instant());
        }
        return "redirect:/portal/cases/" + id;
    }
}
