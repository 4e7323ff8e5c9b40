package io.directline.escalation.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** Something a staff member must know: a case was escalated to them. */
@Entity
public class StaffNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_notification_seq")
    @SequenceGenerator(name = "staff_notification_seq", sequenceName = "staff_notification_seq", allocationSize = 50)
    private Long id;

    private String username;
    private long caseId;
    private String text;
    private Instant createdAt;
    private Instant readAt;

    protected StaffNotification() {}

    StaffNotification(String username, long caseId, String text, Instant now) {
        this.username = username;
        this.caseId = caseId;
        this.text = text.length() > 500 ? text.substring(0, 499) + "…" : text;
        this.createdAt = now;
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
