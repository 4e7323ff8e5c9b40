package io.directline.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt the guard decided, kept with every rule's decision (as JSON) for the trail and the figures. */
@Entity
@Table(name = "escalation_attempt")
class AttemptRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_attempt_seq")
    @SequenceGenerator(name = "escalation_attempt_seq", sequenceName = "escalation_attempt_seq", allocationSize = 50)
    private Long id;

    private long customerId;
    private long caseId;
    private Instant at;
    private boolean allowed;
    private String refusedBy;
    private Integer status;
    private Instant retryAfter;
    private String decisions;
    private Long escalationId;
    private String idempotencyKey;

    protected AttemptRecord() {}

    AttemptRecord(
            long customerId,
            long caseId,
            Instant at,
            Verdict verdict,
            String decisionsJson,
            Long escalationId,
            String idempotencyKey) {
        this.customerId = customerId;
        this.caseId = caseId;
        this.at = ExecutiveEscalation.stored(at);
        this.allowed = verdict.allowed();
        if (!verdict.allowed()) {
            this.refusedBy = verdict.refusal().rule();
            this.status = verdict.refusal().status().value();
            this.retryAfter = ExecutiveEscalation.stored(verdict.refusal().retryAfter());
        }
        this.decisions = decisionsJson;
        this.escalationId = escalationId;
        this.idempotencyKey = idempotencyKey;
    }

    Long getId() {
        return id;
    }

    long getCustomerId() {
        return customerId;
    }

    long getCaseId() {
        return caseId;
    }

    Instant getAt() {
        return at;
    }

    boolean isAllowed() {
        return allowed;
    }

    String getRefusedBy() {
        return refusedBy;
    }

    Integer getStatus() {
        return status;
    }

    Instant getRetryAfter() {
        return retryAfter;
    }

    String getDecisions() {
        return decisions;
    }

    Long getEscalationId() {
        return escalationId;
    }
}
