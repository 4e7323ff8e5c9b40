package io.directline.sla.clock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the SLA module keeps about a case: the policy its clocks follow and whether the company has answered
 * it yet (the next owner message starts a next-response clock rather than a first-response one).
 */
@Entity
@Table(name = "case_sla")
public class CaseSla {

    @Id
    private Long caseId;

    private Long policyId;
    private boolean answered;

    @Version
    private long version;

    protected CaseSla() {}

    public CaseSla(long caseId, Long policyId) {
        this.caseId = caseId;
        this.policyId = policyId;
    }

    public void answered() {
        this.answered = true;
    }

    public void movedTo(long policyId) {
        this.policyId = policyId;
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
}
