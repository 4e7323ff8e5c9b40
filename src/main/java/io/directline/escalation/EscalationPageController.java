package io.directline.escalation;

import io.directline.cases.Actor;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's escalation panel, the escalation trail on the staff case page and the executive office's screens. */
@Controller
class EscalationPageController {

    private final ExecutiveEscalations escalations;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    EscalationPageController(
            ExecutiveEscalations escalations, CustomerManagement customers, UserManagement users, Clock clock) {
        this.escalations = escalations;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/portal/cases/{id}/executive-escalation")
    String ownerPanel(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, Model model) {
        var eligibility = escalations.eligibility(id, owner.customerId());
        model.addAttribute("caseId", id);
        model.addAttribute("verdict", eligibility.verdict());
        model.addAttribute("open", eligibility.open().orElse(null));
        model.addAttribute("all", eligibility.all());
        model.addAttribute("domains", escalations.domains());
        model.addAttribute("minReasonLength", escalations.minReasonLength());
        // one key per form shown: pressing twice (or a resent form) makes one escalation
        model.addAttribute("requestKey", "portal-" + java.util.UUID.randomUUID());
        model.addAttribute("zone", ZoneId.of(customers.get(owner.customerId()).getTimeZone()));
        model.addAttribute("names", new Names(users));
        return "escalation/portal-escalation :: panel";
    }

    @PostMapping("/portal/cases/{id}/executive-escalation")
    String escalate(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String requestKey) {
        var outcome = escalations.request(
                id, owner.customerId(), reason, domain, requestKey, Actor.of(owner, Channel.PORTAL));
        if (outcome.escalation() == null) {
            throw EscalationProblems.refused(outcome.verdict().refusal(), clock.instant());
        }
        return "redirect:/portal/cases/" + id;
    }

    @GetMapping("/cases/{id}/executive-escalation")
    String staffPanel(@PathVariable long id, Model model) {
        escalations.requireCase(id);
        model.addAttribute("escalations", escalations.ofCase(id));
        model.addAttribute("steps", escalations.trailOf(id));
        model.addAttribute("attempts", escalations.attemptsOn(id));
        model.addAttribute("names", new Names(users));
        return "escalation/case-escalation :: panel";
    }

    @GetMapping("/executive/escalations")
    String queue(Model model) {
        model.addAttribute("pending", escalations.queue(EnumSet.of(EscalationState.PENDING_APPROVAL), 200));
        model.addAttribute("open", escalations.queue(EnumSet.of(EscalationState.OPEN), 200));
        model.addAttribute("watched", escalations.queue(EnumSet.of(EscalationState.HANDED_BACK), 200));
        model.addAttribute("now", clock.instant());
        model.addAttribute("names", new Names(users));
        return "escalation/office";
    }

    @GetMapping("/executive/escalations/{id}")
    String escalation(@PathVariable long id, Model model) {
        var escalation = escalations.get(id);
        model.addAttribute("e", escalation);
        model.addAttribute(
                "steps",
                escalations.trailOf(escalation.getCaseId()).stream()
                        .filter(s -> s.getEscalationId() == id)
                        .toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("names", new Names(users));
        return "escalation/office-escalation";
    }

    @PostMapping("/executive/escalations/{id}/{action}")
    String act(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String instructions,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        var actor = Actor.of(user, Channel.PORTAL);
        var done = switch (action) {
            case "approve" -> escalations.approve(id, actor);
            case "refuse" -> escalations.refuse(id, body, actor);
            case "answer" -> escalations.answer(id, body, actor);
            case "hand-back" -> escalations.handBack(id, team, instructions, body, actor);
            case "close" -> escalations.close(id, note, actor);
            case "frivolous" -> escalations.markFrivolous(id, note, actor);
            default -> throw EscalationProblems.unknownAction(action);
        };
        redirect.addFlashAttribute(
                "notice",
                "Escalation " + done.getId() + " is " + done.getState().label() + ".");
        return "redirect:/executive/escalations/" + id;
    }

    /**
     * Display names of staff, for templates: {@code names.of(username)}. One per page, remembering each name it
     * looked up, so a queue of many escalations held by a few executives costs a query per executive, not per row.
     */
    static final class Names {

        private final UserManagement users;
        private final Map<String, String> known = new HashMap<>();

        Names(UserManagement users) {
            this.users = users;
        }

        public String ref(long caseId) {
            return SupportCase.reference(caseId);
        }

        public String of(String username) {
            if (username == null) {
                return "";
            }
            return known.computeIfAbsent(
                    username,
                    u -> users.staffMember(u).map(StaffMember::displayName).orElse(u));
        }
    }
}
