package io.directline.escalation.ladder;

import io.directline.escalation.ClimbCause;
import io.directline.escalation.Rung;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a case's escalation trail: the rung it climbed to, why, and from whom to whom. */
@Entity
@Table(name = "case_escalation")
public class LadderStep {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_escalation_seq")
    @SequenceGenerator(name = "case_escalation_seq", sequenceName = "case_escalation_seq", allocationSize = 50)
    private Long id;

    private long caseId;
    private int level;

    @Enumerated(EnumType.STRING)
    private ClimbCause cause;

    private String reason;
    private String fromHolder;
    private String toHolder;
    private Instant at;

    protected LadderStep() {}

    LadderStep(long caseId, Rung rung, ClimbCause cause, String reason, String from, String to, Instant at) {
        this.caseId = caseId;
        this.level = rung.level();
        this.cause = cause;
        this.reason = reason.length() > 500 ? reason.substring(0, 499) + "…" : reason;
        this.fromHolder = from;
        this.toHolder = to;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public Rung getRung() {
        return Rung.ofLevel(level);
    }

    public ClimbCause getCause() {
        return cause;
    }

    public String getReason() {
        return reason;
    }

    /** Who held the case before; null when nobody was assigned. */
    public String getFromHolder() {
        return fromHolder;
    }

    public String getToHolder() {
        return toHolder;
    }

    public Instant getAt() {
        return at;
    }
}
