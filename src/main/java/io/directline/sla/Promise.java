package io.directline.sla;

import io.directline.sla.promise.PromiseProblems;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A commitment made to the owner of a case, with a due time and the staff member who answers for it.
 * It is kept while open and not yet due, and broken once its due time has come and it is still open.
 */
@Entity
public class Promise {

    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promise_seq")
    @SequenceGenerator(name = "promise_seq", sequenceName = "promise_seq", allocationSize = 50)
    private Long id;

    private long caseId;
    private String description;
    private Instant dueAt;
    private String responsible;

    @Enumerated(EnumType.STRING)
    private PromiseStatus status;

    private String createdBy;
    private Instant createdAt;
    private Instant keptAt;
    private Instant brokenAt;

    @Version
    private long version;

    protected Promise() {}

    /** A new open promise; the caller has checked that the due time lies after {@code now}. */
    Promise(long caseId, String description, Instant dueAt, String responsible, String createdBy, Instant now) {
        this.caseId = caseId;
        this.description = Objects.requireNonNull(description);
        this.dueAt = stored(dueAt);
        this.responsible = Objects.requireNonNull(responsible);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = stored(now);
        this.status = PromiseStatus.OPEN;
    }

    /** Whether the due time has come at {@code now}. */
    public boolean isDue(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** Marks the promise kept; a 409 problem when it is no longer open or its due time has come. */
    void keep(String by, Instant now) {
        if (status != PromiseStatus.OPEN) {
            throw PromiseProblems.notOpen(this);
        }
        if (isDue(now)) {
            throw PromiseProblems.tooLate(this);
        }
        this.status = PromiseStatus.KEPT;
        this.keptAt = stored(now);
    }

    /** Marks the promise broken; a 409 problem when it is no longer open or not yet due. */
    public void breakAt(Instant now) {
        if (status != PromiseStatus.OPEN) {
            throw PromiseProblems.notOpen(this);
        }
        if (!isDue(now)) {
            throw PromiseProblems.notYetDue(this);
        }
        this.status = PromiseStatus.BROKEN;
        this.brokenAt = stored(now);
    }

    /** Times as the database keeps them (microseconds), so a promise reads back as it was made. */
    private static Instant stored(Instant time) {
        return Objects.requireNonNull(time).truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getDescription() {
        return description;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getResponsible() {
        return responsible;
    }

    public PromiseStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getKeptAt() {
        return keptAt;
    }

    public Instant getBrokenAt() {
        return brokenAt;
    }

    long getVersion() {
        return version;
    }
}
