package io.directline.broadcast.note;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** An executive's personal note to one owner, signed, with the case a reply threads into. */
@Entity
public class PersonalNote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_note_seq")
    @SequenceGenerator(name = "personal_note_seq", sequenceName = "personal_note_seq", allocationSize = 50)
    private Long id;

    private String author;
    private String authorName;
    private long customerId;
    private Long broadcastId;
    private long caseId;
    private String subject;
    private String body;
    private Instant createdAt;
    private String idempotencyKey;

    protected PersonalNote() {}

    PersonalNote(
            String author,
            String authorName,
            long customerId,
            Long broadcastId,
            long caseId,
            String subject,
            String body,
            String idempotencyKey,
            Instant now) {
        this.author = author;
        this.authorName = authorName;
        this.customerId = customerId;
        this.broadcastId = broadcastId;
        this.caseId = caseId;
        this.subject = subject;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorName() {
        return authorName;
    }

    public long getCustomerId() {
        return customerId;
    }

    public Long getBroadcastId() {
        return broadcastId;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
