package io.directline.escalation.notification;

import io.directline.cases.CaseProblems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff members must know (a case was escalated to them), and which of it they have read. */
@Service
@Transactional(readOnly = true)
public class StaffNotificationService {

    private final StaffNotificationRepository notifications;
    private final Clock clock;

    StaffNotificationService(StaffNotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Tells a staff member {@code text} about a case, as of {@code now}; a long text is shortened. */
    @Transactional
    public StaffNotification tell(String username, long caseId, String text, Instant now) {
        return notifications.save(new StaffNotification(username, caseId, text, now));
    }

    /** The staff member's unread notifications, newest first, at most 50; never null. */
    public List<StaffNotification> unread(String username) {
        return notifications.findTop50ByUsernameAndReadAtIsNullOrderByCreatedAtDesc(username);
    }

    /**
     * Marks one of the staff member's notifications read; marking it again changes nothing. Throws a 404
     * problem when the staff member has no notification with this id (another's included).
     */
    @Transactional
    public StaffNotification markRead(long id, String username) {
        var notification = notifications.findByIdAndUsername(id, username).orElseThrow(() -> notFound(id));
        notification.read(clock.instant());
        return notification;
    }

    private static org.springframework.web.ErrorResponseException notFound(long id) {
        return CaseProblems.problem(
                HttpStatus.NOT_FOUND, "Notification not found", "You have no notification with id " + id + ".");
    }
}
