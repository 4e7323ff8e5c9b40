package io.directline.sla.clock;

import io.directline.sla.ClockKind;
import io.directline.sla.policy.BusinessCalendar;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One SLA clock of a case as stored: an {@link SlaClock} plus what the watchdog needs. {@code watchAt} is
 * the instant the watchdog must look at the clock: its due instant while it runs and its breach has not
 * been handled; null otherwise, so the watchdog's index holds only clocks that can still breach.
 */
@Entity
@Table(name = "sla_clock")
public class StoredClock {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    private Long id;

    private long caseId;

    @Enumerated(EnumType.STRING)
    private ClockKind kind;

    private long policyId;

    @Enumerated(EnumType.STRING)
    private SlaClock.State state;

    private long targetMillis;
    private long usedMillis;
    private Instant startedAt;
    private Instant lastChange;
    private Instant dueAt;
    private Instant watchAt;
    private Instant breachedAt;
    private Instant stoppedAt;

    @Version
    private long version;

    protected StoredClock() {}

    public StoredClock(long caseId, ClockKind kind, long policyId, SlaClock clock, Instant now) {
        this.caseId = caseId;
        this.kind = kind;
        this.policyId = policyId;
        this.startedAt = stored(now);
        store(clock);
    }

    /** The clock to compute with, on the calendar of its policy. */
    public SlaClock clock(BusinessCalendar calendar) {
        return SlaClock.restore(
                calendar,
                Duration.ofMillis(targetMillis),
                state,
                Duration.ofMillis(usedMillis),
                lastChange,
                breachedAt);
    }

    /**
     * Takes over the state of {@code clock}. The watchdog looks at it while it runs and its breach is not
     * recorded; a clock is breached by the watchdog, or by a transition made after its due instant.
     */
    public void store(SlaClock clock) {
        this.state = clock.state();
        this.targetMillis = clock.target().toMillis();
        this.usedMillis = clock.used().toMillis();
        this.lastChange = stored(clock.lastChange());
        this.breachedAt = storedOrNull(clock.breachedAt());
        this.dueAt = storedOrNull(clock.dueAt());
        this.watchAt = state != SlaClock.State.RUNNING || breachedAt != null ? null : dueAt;
        if (state == SlaClock.State.STOPPED && stoppedAt == null) {
            this.stoppedAt = this.lastChange;
        }
    }

    /** Moves the clock to another policy (the case's priority or owner tier changed). */
    public void movedTo(long policyId) {
        this.policyId = policyId;
    }

    private static Instant stored(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant storedOrNull(Instant time) {
        return time == null ? null : stored(time);
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public ClockKind getKind() {
        return kind;
    }

    public long getPolicyId() {
        return policyId;
    }

    public SlaClock.State getState() {
        return state;
    }

    public Duration getTarget() {
        return Duration.ofMillis(targetMillis);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    /** When the target runs out; in the past once breached; null while paused or stopped. */
    public Instant getDueAt() {
        return dueAt;
    }

    /** When the target ran out while the clock ran; null while it has not. */
    public Instant getBreachedAt() {
        return breachedAt;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    Instant getWatchAt() {
        return watchAt;
    }

    long getVersion() {
        return version;
    }
}
