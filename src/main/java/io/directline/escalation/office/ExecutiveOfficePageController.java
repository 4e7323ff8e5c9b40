package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The escalation trail on the staff case page and the executive office's screens. */
@Controller
class ExecutiveOfficePageController {

    private final ExecutiveOffice office;
    private final UserManagement users;
    private final Clock clock;

    ExecutiveOfficePageController(ExecutiveOffice office, UserManagement users, Clock clock) {
        this.office = office;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/cases/{id}/executive-escalation")
    String staffPanel(@PathVariable long id, Model model) {
        office.requireCase(id);
        model.addAttribute("escalations", office.ofCase(id));
        model.addAttribute("steps", office.trailOf(id));
        model.addAttribute("attempts", office.attemptsOn(id));
        model.addAttribute("names", new StaffNames(users));
        return "escalation/case-escalation :: panel";
    }

    @GetMapping("/executive/escalations")
    String queue(Model model) {
        model.addAttribute("pending", office.queue(EnumSet.of(EscalationState.PENDING_APPROVAL), 200));
        model.addAttribute("open", office.queue(EnumSet.of(EscalationState.OPEN), 200));
        model.addAttribute("watched", office.queue(EnumSet.of(EscalationState.HANDED_BACK), 200));
        model.addAttribute("now", clock.instant());
        model.addAttribute("names", new StaffNames(users));
        return "escalation/office";
    }

    @GetMapping("/executive/escalations/{id}")
    String escalation(@PathVariable long id, Model model) {
        var escalation = office.get(id);
        model.addAttribute("e", escalation);
        model.addAttribute(
                "steps",
                office.trailOf(escalation.getCaseId()).stream()
                        .filter(s -> s.getEscalationId() == id)
                        .toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("names", new StaffNames(users));
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
            case "approve" -> office.approve(id, actor);
            case "refuse" -> office.refuse(id, body, actor);
            case "answer" -> office.answer(id, body, actor);
            case "hand-back" -> office.handBack(id, team, instructions, body, actor);
            case "close" -> office.close(id, note, actor);
            case "frivolous" -> office.markFrivolous(id, note, actor);
            default -> throw EscalationProblems.unknownAction(action);
        };
        redirect.addFlashAttribute(
                "notice",
                "Escalation " + done.getId() + " is " + done.getState().label() + ".");
        return "redirect:/executive/escalations/" + id;
    }
}
