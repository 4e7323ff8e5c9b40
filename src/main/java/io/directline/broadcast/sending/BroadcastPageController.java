package io.directline.broadcast.sending;

import io.directline.identity.DirectLineUser;
import io.directline.journey.Milestone;
import io.directline.web.TypedForm;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The broadcast screens for supervisors and executives: the list, the "new broadcast" page (segment and words, a
 * preview with the count and sample owners, then send for approval) and each broadcast's page with approve, cancel
 * and a progress bar that htmx refreshes until every notice is finished.
 */
@Controller
class BroadcastPageController {

    private final Broadcasts broadcasts;
    private final BroadcastProperties properties;

    BroadcastPageController(Broadcasts broadcasts, BroadcastProperties properties) {
        this.broadcasts = broadcasts;
        this.properties = properties;
    }

    @GetMapping("/supervisor/broadcasts")
    String list(Model model) {
        model.addAttribute("broadcasts", broadcasts.newest(100));
        return "broadcast/list";
    }

    @GetMapping("/supervisor/broadcasts/new")
    String newBroadcast(Model model) {
        var typed = (TypedForm) model.getAttribute("typed");
        var form = BroadcastForm.of(typed == null ? Map.of() : typed.values());
        return newPage(model, form, null);
    }

    @PostMapping("/supervisor/broadcasts/preview")
    String preview(
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String postalPrefix,
            @RequestParam(required = false) String latitude,
            @RequestParam(required = false) String longitude,
            @RequestParam(required = false) String withinKm,
            @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String promisedFrom,
            @RequestParam(required = false) String promisedTo,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String fullText,
            @RequestParam(required = false) String shortText,
            Model page) {
        var form = new BroadcastForm(
                model,
                region,
                postalPrefix,
                latitude,
                longitude,
                withinKm,
                milestone,
                promisedFrom,
                promisedTo,
                tags,
                subject,
                fullText,
                shortText);
        var preview = broadcasts.preview(form.segment(), form.templateIfAny());
        return newPage(page, form, preview);
    }

    @PostMapping("/supervisor/broadcasts")
    String create(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String postalPrefix,
            @RequestParam(required = false) String latitude,
            @RequestParam(required = false) String longitude,
            @RequestParam(required = false) String withinKm,
            @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String promisedFrom,
            @RequestParam(required = false) String promisedTo,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String fullText,
            @RequestParam(required = false) String shortText,
            @RequestParam(required = false) String requestKey,
            RedirectAttributes redirect) {
        var form = new BroadcastForm(
                model,
                region,
                postalPrefix,
                latitude,
                longitude,
                withinKm,
                milestone,
                promisedFrom,
                promisedTo,
                tags,
                subject,
                fullText,
                shortText);
        var staff = BroadcastApiController.staff(user);
        var key = requestKey == null || requestKey.isBlank() || requestKey.length() > 200 ? null : requestKey;
        var created = broadcasts.create(form.segment(), form.template(), staff, key);
        redirect.addFlashAttribute(
                "notice",
                created.isNew()
                        ? "Broadcast " + created.broadcast().getId() + " is waiting for approval."
                        : "This broadcast was already made; here it is.");
        return "redirect:/supervisor/broadcasts/" + created.broadcast().getId();
    }

    @GetMapping("/supervisor/broadcasts/{id}")
    String broadcast(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id, Model model) {
        var b = broadcasts.get(id);
        model.addAttribute("b", b);
        model.addAttribute("view", view(b));
        model.addAttribute(
                "secondPersonNeeded",
                b.getRecipients() > properties.fourEyesAbove()
                        && b.getCreatedBy().equals(user.getUsername()));
        return "broadcast/broadcast";
    }

    @GetMapping("/supervisor/broadcasts/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        var b = broadcasts.get(id);
        model.addAttribute("b", b);
        model.addAttribute("view", view(b));
        return "broadcast/broadcast :: progress";
    }

    @PostMapping("/supervisor/broadcasts/{id}/approve")
    String approve(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id, RedirectAttributes redirect) {
        broadcasts.approve(id, BroadcastApiController.staff(user));
        redirect.addFlashAttribute("notice", "Approved: the notices are being queued, one per owner.");
        return "redirect:/supervisor/broadcasts/" + id;
    }

    @PostMapping("/supervisor/broadcasts/{id}/cancel")
    String cancel(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id, RedirectAttributes redirect) {
        broadcasts.cancel(id, BroadcastApiController.staff(user));
        redirect.addFlashAttribute("notice", "Cancelled: nothing more of this broadcast will be sent.");
        return "redirect:/supervisor/broadcasts/" + id;
    }

    private BroadcastView view(Broadcast b) {
        return BroadcastView.of(b, b.getStatus() == BroadcastStatus.AWAITING_APPROVAL ? null : broadcasts.progress(b));
    }

    private String newPage(Model model, BroadcastForm form, Broadcasts.Preview preview) {
        model.addAttribute("form", form.values());
        model.addAttribute("preview", preview);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("fourEyesAbove", properties.fourEyesAbove());
        model.addAttribute("requestKey", java.util.UUID.randomUUID().toString());
        return "broadcast/new";
    }
}
