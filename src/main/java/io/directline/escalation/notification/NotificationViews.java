package io.directline.escalation.notification;

import io.directline.cases.SupportCase;
import java.time.Instant;
import java.util.List;

/** What the API shows of staff notifications. */
final class NotificationViews {

    private NotificationViews() {}

    record NotificationView(
            long id, long caseId, String caseReference, String text, Instant createdAt, Instant readAt) {

        static NotificationView of(StaffNotification n) {
            return new NotificationView(
                    n.getId(),
                    n.getCaseId(),
                    SupportCase.reference(n.getCaseId()),
                    n.getText(),
                    n.getCreatedAt(),
                    n.getReadAt());
        }
    }

    record NotificationList(List<NotificationView> items) {}
}
