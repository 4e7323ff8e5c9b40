package io.directline.cases.desk;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.UserManagement;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff case page: conversation, reply or note, status, assignee, priority, team and tags. */
@Controller
class CasePageController {

    private final CaseManagement cases;
    private final StaffDesk desk;
    private final CustomerManagement customers;
    private final UserManagement users;

    CasePageController(CaseManagement cases, StaffDesk desk, CustomerManagement customers, UserManagement users) {
        this.cases = cases;
        this.desk = desk;
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        var supportCase = cases.get(id);
        model.addAttribute("case", supportCase);
        var customer = customers.get(supportCase.getCustomerId());
        model.addAttribute("customer", customer);
        var messages = cases.conversation(id, true);
        model.addAttribute("messages", messages);
        model.addAttribute(
                "ownerMessagesSeen",
                messages.stream()
                        .filter(m -> m.getDirection() == Direction.INBOUND)
                        .count());
        model.addAttribute("audit", cases.auditTrail(id));
        model.addAttribute("staff", users.staff());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("replyChannels", ReplyChannels.of(customer));
        model.addAttribute("replyChannel", ReplyChannels.preferred(supportCase, customer));
        return "cases/case";
    }

    @PostMapping("/cases/{id}/messages")
    String post(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam(defaultValue = "PUBLIC") Visibility visibility,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Integer ownerMessagesSeen) {
        var actor = Actor.of(user, Channel.PORTAL);
        if (visibility == Visibility.INTERNAL) {
            cases.addNote(id, body, actor);
            return "redirect:/cases/" + id;
        }
        try {
            desk.answer(id, body, channel, actor, ownerMessagesSeen);
        } catch (ConcurrencyFailureException e) {
            // the owner's message and this answer were stored at the same moment, and the owner's came first
            if (ownerMessagesSeen != null && cases.ownerWroteSince(id, ownerMessagesSeen)) {
                throw CaseProblems.ownerWroteMeanwhile();
            }
            throw e;
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}")
    String change(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String tags) {
        Set<String> tagSet = tags == null
                ? null
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
        cases.change(id, new CaseChanges(status, assignee, priority, tagSet, team), Actor.of(user, Channel.PORTAL));
        return "redirect:/cases/" + id;
    }
}
