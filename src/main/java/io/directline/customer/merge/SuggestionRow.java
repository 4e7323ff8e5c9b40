package io.directline.customer.merge;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code owner_merge_suggestion}. */
@Entity
@Table(name = "owner_merge_suggestion")
public class SuggestionRow {

    public static final String OPEN = "OPEN";
    public static final String DISMISSED = "DISMISSED";
    public static final String MERGED = "MERGED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_merge_suggestion_seq")
    @SequenceGenerator(
            name = "owner_merge_suggestion_seq",
            sequenceName = "owner_merge_suggestion_seq",
            allocationSize = 50)
    private Long id;

    private long customerId;
    private long candidateId;
    private String reasons;
    private Instant createdAt;
    private String state = OPEN;
    private String decidedBy;
    private Instant decidedAt;

    @Version
    private long version;

    protected SuggestionRow() {}

    public SuggestionRow(long customerId, long candidateId, String reasons, Instant now) {
        this.customerId = customerId;
        this.candidateId = candidateId;
        this.reasons = reasons.length() > 2000 ? reasons.substring(0, 2000) : reasons;
        this.createdAt = now;
    }

    public void decide(String newState, String by, Instant at) {
        this.state = newState;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public boolean involves(long owner) {
        return customerId == owner || candidateId == owner;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public long getCandidateId() {
        return candidateId;
    }

    public String getReasons() {
        return reasons;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getState() {
        return state;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
