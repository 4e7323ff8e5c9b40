package io.directline.sla.notice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An automatic notice telling an owner we are late: sent at once, held until the owner's quiet hours end,
 * or skipped because the owner was told less than the notice gap ago.
 */
@Entity
public class OwnerNotice {

    /** Where a notice stands. */
    public enum Status {
        PENDING,
        SENT,
        SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_notice_seq")
    @SequenceGenerator(name = "owner_notice_seq", sequenceName = "owner_notice_seq", allocationSize = 50)
    private Long id;

    private long caseId;
    private long customerId;
    private String body;
    private Instant sendAt;
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Version
    private long version;

    protected OwnerNotice() {}

    public OwnerNotice(long caseId, long customerId, String body, Instant sendAt, Status status) {
        this.caseId = caseId;
        this.customerId = customerId;
        this.body = body;
        this.sendAt = sendAt;
        this.status = status;
    }

    public void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
    }

    public void skipped() {
        status = Status.SKIPPED;
    }

    /** A newer truth replaces a notice still waiting for the owner's quiet hours to end. */
    public void rewrite(String newBody) {
        body = newBody;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getBody() {
        return body;
    }

    public Instant getSendAt() {
        return sendAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Status getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }
}
