package io.directline.escalation.notification;

import io.directline.escalation.notification.NotificationViews.NotificationList;
import io.directline.escalation.notification.NotificationViews.NotificationView;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications", description = "What the signed-in staff member must know: cases escalated to them")
@RestController
@RequestMapping("/api/v1/me/notifications")
class StaffNotificationApiController {

    private final StaffNotificationService notifications;

    StaffNotificationApiController(StaffNotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "My unread notifications, newest first (at most 50)")
    @GetMapping
    NotificationList unread(@AuthenticationPrincipal DirectLineUser user) {
        return new NotificationList(notifications.unread(user.getUsername()).stream()
                .map(NotificationView::of)
                .toList());
    }

    @Operation(summary = "Mark one of my notifications read; again is harmless, another's is a 404")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        notifications.markRead(id, user.getUsername());
        return ResponseEntity.noContent().build();
    }
}
