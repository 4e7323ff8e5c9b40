package io.directline.sla.promise;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.directline.identity.UserManagement;
import io.directline.sla.Promises;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The promises of a case: staff see and record them and keep them by telling the owner; the owner sees
 * what was promised on their own case. Screens show times in UTC, so the due time typed in is UTC too.
 */
@Controller
class PromisePageController {

    private final Promises promises;
    private final CaseManagement cases;
    private final UserManagement users;

    PromisePageController(Promises promises, CaseManagement cases, UserManagement users) {
        this.promises = promises;
        this.cases = cases;
        this.users = users;
    }

    @GetMapping("/cases/{id}/promises")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("case", cases.get(id));
        model.addAttribute("promises", promises.ofCase(id));
        model.addAttribute("staff", users.staff());
        return "sla/promises";
    }

    @PostMapping("/cases/{id}/promises")
    String record(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam String description,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
            @RequestParam String responsible) {
        promises.record(id, description, dueAt.toInstant(ZoneOffset.UTC), responsible, Actor.of(user, Channel.PORTAL));
        return "redirect:/cases/" + id + "/promises";
    }

    @PostMapping("/cases/{id}/promises/{promiseId}/kept")
    String keep(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @PathVariable long promiseId,
            @RequestParam String message) {
        promises.keep(id, promiseId, message, Actor.of(user, Channel.PORTAL));
        return "redirect:/cases/" + id + "/promises";
    }

    @GetMapping("/portal/cases/{id}/promises")
    String ownersPromises(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, Model model) {
        model.addAttribute("case", cases.getForOwner(id, owner.customerId()));
        model.addAttribute("promises", promises.ofOwnersCase(id, owner.customerId()));
        return "sla/portal-promises";
    }
}
