package io.directline.customer.merge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code owner_merge}: one merge, who made it and why, and its undo. */
@Entity
@Table(name = "owner_merge")
public class OwnerMergeRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_merge_seq")
    @SequenceGenerator(name = "owner_merge_seq", sequenceName = "owner_merge_seq", allocationSize = 50)
    private Long id;

    @Column(name = "from_customer_id")
    private long from;

    @Column(name = "into_customer_id")
    private long into;

    private String reason;
    private String mergedBy;
    private Instant mergedAt;
    private String undoneBy;
    private Instant undoneAt;

    @Version
    private long version;

    protected OwnerMergeRow() {}

    public OwnerMergeRow(long from, long into, String reason, String mergedBy, Instant at) {
        this.from = from;
        this.into = into;
        this.reason = reason;
        this.mergedBy = mergedBy;
        this.mergedAt = at;
    }

    public void undo(String by, Instant at) {
        this.undoneBy = by;
        this.undoneAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getFrom() {
        return from;
    }

    public long getInto() {
        return into;
    }

    public String getReason() {
        return reason;
    }

    public String getMergedBy() {
        return mergedBy;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public String getUndoneBy() {
        return undoneBy;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }
}
