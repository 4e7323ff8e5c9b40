package io.directline.sla.clock;


import io.directline.escalation.Rung;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the SLA module keeps about a case: the policy its clocks follow, whether the company has answered
 * it yet (the next owner message starts a next-response clock rather than a first-response one), and its
 * rung on the escalation ladder with the holder who answers for it there.
 */
@Entity
@Table(name = "case_sla")
public class CaseSla {

    @Id
    private Long caseId;

    private Long policyId;
    private boolean answered;
    private int level;
    private String holder;

    @Version
    private long version;

    protected CaseSla() {}

    CaseSla(long caseId, Long policyId) {
        this.caseId = caseId;
        this.policyId = policyId;
    }

    void answered() {
        this.answered = true;
    }

    void movedTo(long policyId) {
        this.policyId = policyId;
    }

    void climbedTo(Rung rung, String holder) {
        this.level = rung.level();
        this.holder = holder;
    }

    public long getCaseId() {
        return caseId;
    }

    /** Null when no policy applied to the case. */
    public Long getPolicyId() {
        return policyId;
    }

    public boolean isAnswered() {
        return answered;
    }

    /** The rung the case stands on. */
    public Rung getRung() {
        return Rung.ofLevel(level);
    }

    /** Who answers for the case on its rung above the assignee; null on the first rung. */
    public String getHolder() {
        return holder;
    }
}
