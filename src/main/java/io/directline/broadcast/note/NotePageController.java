package io.directline.broadcast.note;

import io.directline.channel.Notices;
import io.directline.identity.DirectLineUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The executive's personal-note page, and the owner's notices on the portal. */
@Controller
class NotePageController {

    private final PersonalNotes notes;
    private final Notices notices;
    private final PortalNoticeReplies replies;

    NotePageController(PersonalNotes notes, Notices notices, PortalNoticeReplies replies) {
        this.notes = notes;
        this.notices = notices;
        this.replies = replies;
    }

    @GetMapping("/executive/notes")
    String notes(@AuthenticationPrincipal DirectLineUser user, Model model) {
        model.addAttribute("written", notes.writtenBy(user.getUsername(), 50));
        return "broadcast/notes";
    }

    @PostMapping("/executive/notes")
    String send(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(required = false) String owners,
            @RequestParam(required = false) String broadcastId,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        var sent = notes.send(ids(owners), broadcast(broadcastId), subject, body, user);
        redirect.addFlashAttribute(
                "notice",
                "Your note went to " + sent.size() + (sent.size() == 1 ? " owner" : " owners")
                        + ", signed by you; a reply comes back to you in the executive office.");
        return "redirect:/executive/notes";
    }

    @GetMapping("/portal/notices")
    String portal(@AuthenticationPrincipal DirectLineUser user, Model model) {
        model.addAttribute("notices", notices.ofOwner(user.customerId(), 100));
        model.addAttribute("replyKey", java.util.UUID.randomUUID().toString());
        return "broadcast/portal-notices";
    }

    /** The owner answers a notice: the reply goes to the case about it, which the owner is shown. */
    @PostMapping("/portal/notices/{id}/reply")
    String reply(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String key) {
        long caseId = replies.reply(user, id, body, key);
        return "redirect:/portal/cases/" + caseId;
    }

    /** Owner ids typed by hand, separated by commas or spaces. */
    private static List<Long> ids(String typed) {
        var ids = new ArrayList<Long>();
        if (typed == null || typed.isBlank()) {
            return ids;
        }
        for (var part :
                Arrays.stream(typed.split("[,\\s]+")).filter(p -> !p.isBlank()).toList()) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw io.directline.broadcast.sending.BroadcastProblems.invalidField(
                        "owners", "Owners are given by their number, such as 1042; '" + clip(part) + "' is not one.");
            }
        }
        return ids;
    }

    private static Long broadcast(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw io.directline.broadcast.sending.BroadcastProblems.invalidField(
                    "broadcastId", "A broadcast is given by its number; '" + clip(typed) + "' is not one.");
        }
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
