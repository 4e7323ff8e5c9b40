package io.directline.experience.recovery;

import io.directline.identity.DirectLineUser;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin screen of the recovery playbooks: each one's trigger and steps, a form to change one or add one. A refused
 * change comes back with its sentence and what was typed (the screens' problem advice).
 */
@Controller
class PlaybookPageController {

    private final Playbooks playbooks;
    private final RecoveryProperties properties;

    PlaybookPageController(Playbooks playbooks, RecoveryProperties properties) {
        this.playbooks = playbooks;
        this.properties = properties;
    }

    @GetMapping("/admin/playbooks")
    String list(@RequestParam(required = false) String edit, Model model) {
        var all = playbooks.all();
        model.addAttribute(
                "playbooks",
                all.stream().map(RecoveryApiController.PlaybookView::of).toList());
        model.addAttribute("triggers", Playbooks.triggers());
        model.addAttribute("approvalAbove", properties.goodwillApprovalAbove().toPlainString());
        model.addAttribute(
                "editing",
                edit == null
                        ? null
                        : all.stream()
                                .filter(p -> p.name().equals(edit))
                                .findFirst()
                                .map(RecoveryApiController.PlaybookView::of)
                                .orElse(null));
        return "experience/playbooks";
    }

    @PostMapping("/admin/playbooks")
    String save(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String trigger,
            @RequestParam(required = false) String enabled,
            @RequestParam(required = false) String callbackHours,
            @RequestParam(required = false) String apology,
            @RequestParam(required = false) String goodwillAmount,
            @RequestParam(required = false) String goodwillNote,
            @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        var saved = playbooks.save(
                name,
                new Playbooks.Change(
                        trigger,
                        enabled != null,
                        number(callbackHours, "callbackHours"),
                        apology != null,
                        amount(goodwillAmount),
                        goodwillNote,
                        version),
                user.getUsername());
        redirect.addFlashAttribute(
                "notice", "Saved the playbook '" + saved.name() + "': " + Playbooks.describe(saved) + ".");
        return "redirect:/admin/playbooks";
    }

    @PostMapping("/admin/playbooks/remove")
    String remove(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        boolean removed = name != null && playbooks.remove(name, user.getUsername());
        redirect.addFlashAttribute(
                "notice",
                removed
                        ? "Removed the playbook '" + name + "' (disabled instead where it started recoveries)."
                        : "There was no such playbook.");
        return "redirect:/admin/playbooks";
    }

    private static Integer number(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw io.directline.cases.CaseProblems.invalidField(
                    field, field + " is a whole number of hours, such as 24, or empty for no callback.");
        }
    }

    private static BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw io.directline.cases.CaseProblems.invalidField(
                    "goodwillAmount",
                    "goodwillAmount is an amount in dollars, such as 150 or 99.50, or empty for none.");
        }
    }
}
