package io.directline.escalation.ladder;

import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.Promises;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The SLA panel of the staff case page, which loads it by htmx (the cases module knows nothing of SLAs):
 * policy, rung and holder, each clock with its time left counting down, the promises, the escalation trail
 * and the notices telling the owner we are late.
 */
@Controller
class CaseSlaPageController {

    private final LadderOverview overview;
    private final Promises promises;
    private final UserManagement users;
    private final Clock clock;

    CaseSlaPageController(LadderOverview overview, Promises promises, UserManagement users, Clock clock) {
        this.overview = overview;
        this.promises = promises;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/cases/{id}/sla")
    String panel(@PathVariable long id, Model model) {
        var sla = overview.of(id);
        model.addAttribute("sla", sla);
        model.addAttribute(
                "holderName",
                sla.holder() == null
                        ? null
                        : users.staffMember(sla.holder())
                                .map(StaffMember::displayName)
                                .orElse(sla.holder()));
        model.addAttribute("promises", promises.ofCase(id));
        model.addAttribute("now", clock.instant());
        return "escalation/case-sla :: panel";
    }
}
