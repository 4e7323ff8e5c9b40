package io.directline.escalation.notification;

import io.directline.identity.DirectLineUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The signed-in staff member's unread notifications, which the inbox loads by htmx, and marking them read. */
@Controller
class StaffNotificationPageController {

    private final StaffNotificationService notifications;

    StaffNotificationPageController(StaffNotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String unread(@AuthenticationPrincipal DirectLineUser user, Model model) {
        model.addAttribute("notifications", notifications.unread(user.getUsername()));
        return "escalation/notifications :: list";
    }

    /** htmx swaps in the list that is left; without htmx the browser goes back to the inbox. */
    @PostMapping("/notifications/{id}/read")
    String read(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        notifications.markRead(id, user.getUsername());
        return "true".equals(htmx) ? unread(user, model) : "redirect:/inbox";
    }
}
