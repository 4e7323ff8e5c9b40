package io.directline.escalation.guard;

import io.directline.escalation.office.ExecutiveEscalation;
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
public class AttemptRecord {

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

    /** The longest idempotency key, in characters (the column's width). */
    public static final int MAX_IDEMPOTENCY_KEY = 200;

    protected AttemptRecord() {}

    public AttemptRecord(
            long customerId,
            long caseId,
            Instant at,
            GuardDecision decision,
            String decisionsJson,
            Long escalationId,
            String idempotencyKey) {
        this.customerId = customerId;
        this.caseId = caseId;
        this.at = ExecutiveEscalation.stored(at);
        this.allowed = decision.allowed();
        if (!decision.allowed()) {
            this.refusedBy = decision.refusal().rule();
            this.status = decision.refusal().status().value();
            this.retryAfter = ExecutiveEscalation.stored(decision.refusal().retryAfter());
        }
        this.decisions = decisionsJson;
        this.escalationId = escalationId;
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public long getCaseId() {
        return caseId;
    }

    public Instant getAt() {
        return at;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getRefusedBy() {
        return refusedBy;
    }

    public Integer getStatus() {
        return status;
    }

    public Instant getRetryAfter() {
        return retryAfter;
    }

    public String getDecisions() {
        return decisions;
    }

    public Long getEscalationId() {
        return escalationId;
    }
}
