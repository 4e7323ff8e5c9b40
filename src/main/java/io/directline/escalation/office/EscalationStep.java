package io.directline.escalation.office;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an executive escalation's trail, shown on the case. */
@Entity
@Table(name = "escalation_step")
class EscalationStep {

    enum Kind {
        REQUESTED,
        AWAITING_APPROVAL,
        APPROVED,
        REFUSED,
        ROUTED,
        ANSWERED,
        HANDED_BACK,
        CLOSED,
        MARKED_FRIVOLOUS,
        FIRST_RESPONSE_LATE
    }

    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_step_seq")
    @SequenceGenerator(name = "escalation_step_seq", sequenceName = "escalation_step_seq", allocationSize = 50)
    private Long id;

    private long escalationId;
    private long caseId;
    private Instant at;
    private String actor;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String text;

    protected EscalationStep() {}

    EscalationStep(ExecutiveEscalation escalation, Instant at, String actor, Kind kind, String text) {
        this.escalationId = escalation.getId();
        this.caseId = escalation.getCaseId();
        this.at = ExecutiveEscalation.stored(at);
        this.actor = actor;
        this.kind = kind;
        this.text = ExecutiveEscalation.clip(text, MAX_TEXT);
    }

    public long getEscalationId() {
        return escalationId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public Kind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }
}
