package io.directline.sla.clock;

import io.directline.sla.policy.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A target of working time on a {@link BusinessCalendar}, counted from the moment the clock is started. The
 * clock is paused while a case waits on the owner and resumed when the owner writes; paused time does not
 * count, the working time used before the pause does. Stopping it records that the target was met (or not).
 *
 * <p>Immutable: every transition returns a new clock. Transitions take the instant they happen at, which must
 * not be before the previous transition. A clock is breached once a moment after its due instant has passed
 * while it was running; {@link #remaining(Instant)} is working time, so it stays zero outside working hours
 * after the due instant and turns negative at the next opening.
 */
public final class SlaClock {

    /** Where a clock is in its life. */
    public enum State {
        RUNNING,
        PAUSED,
        STOPPED
    }

    private final BusinessCalendar calendar;
    private final Duration target;
    private final State state;
    private final Duration used;
    private final Instant lastChange;
    private final Instant breachedAt;

    private SlaClock(
            BusinessCalendar calendar,
            Duration target,
            State state,
            Duration used,
            Instant lastChange,
            Instant breachedAt) {
        this.calendar = calendar;
        this.target = target;
        this.state = state;
        this.used = used;
        this.lastChange = lastChange;
        this.breachedAt = breachedAt;
    }

    /**
     * A running clock.
     *
     * @throws IllegalArgumentException when the target is zero or negative
     * @throws NullPointerException when an argument is null
     */
    public static SlaClock start(BusinessCalendar calendar, Duration target, Instant at) {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(at, "at");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("an SLA target must be positive, not " + target);
        }
        return new SlaClock(calendar, target, State.RUNNING, Duration.ZERO, at, null);
    }

    /**
     * Stops counting while the case waits on the owner.
     *
     * @throws IllegalStateException when the clock is not running
     * @throws IllegalArgumentException when {@code at} is before the previous transition
     */
    public SlaClock pause(Instant at) {
        require(State.RUNNING, "pause");
        checkNotBefore(at);
        return new SlaClock(calendar, target, State.PAUSED, usedAt(at), at, breachedAtOrNull(at));
    }

    /**
     * Counts again from {@code at}, keeping the working time used before the pause.
     *
     * @throws IllegalStateException when the clock is not paused
     * @throws IllegalArgumentException when {@code at} is before the previous transition
     */
    public SlaClock resume(Instant at) {
        require(State.PAUSED, "resume");
        checkNotBefore(at);
        return new SlaClock(calendar, target, State.RUNNING, used, at, breachedAt);
    }

    /**
     * Stops the clock for good, running or paused: the target was met at {@code at}, or was already breached.
     *
     * @throws IllegalStateException when the clock is already stopped
     * @throws IllegalArgumentException when {@code at} is before the previous transition
     */
    public SlaClock stop(Instant at) {
        if (state == State.STOPPED) {
            throw new IllegalStateException("cannot stop an SLA clock that is already stopped");
        }
        checkNotBefore(at);
        return state == State.RUNNING
                ? new SlaClock(calendar, target, State.STOPPED, usedAt(at), at, breachedAtOrNull(at))
                : new SlaClock(calendar, target, State.STOPPED, used, at, breachedAt);
    }

    /**
     * When the target runs out if the clock keeps running: in the past once breached.
     *
     * @return null while paused or after the clock is stopped
     */
    public Instant dueAt() {
        if (state != State.RUNNING) {
            return null;
        }
        if (breachedAt != null) {
            return breachedAt;
        }
        var left = target.minus(used);
        return left.isNegative() ? lastChange : calendar.addBusinessTime(lastChange, left);
    }

    /**
     * The working time left at {@code now}: negative by the working time used beyond the target. A paused
     * or stopped clock does not change with {@code now}.
     *
     * @return never null
     */
    public Duration remaining(Instant now) {
        var usedNow = state == State.RUNNING ? usedAt(now) : used;
        return target.minus(usedNow);
    }

    /** Whether the due instant passed while the clock was running (up to {@code now} if it still runs). */
    public boolean breached(Instant now) {
        return breachedAt != null || (state == State.RUNNING && now.isAfter(dueAt()));
    }

    /**
     * A clock as it was stored: the working time used up to {@code lastChange}, and the instant it was
     * breached at, if it was.
     */
    static SlaClock restore(
            BusinessCalendar calendar,
            Duration target,
            State state,
            Duration used,
            Instant lastChange,
            Instant breachedAt) {
        return new SlaClock(
                Objects.requireNonNull(calendar),
                Objects.requireNonNull(target),
                Objects.requireNonNull(state),
                Objects.requireNonNull(used),
                Objects.requireNonNull(lastChange),
                breachedAt);
    }

    /**
     * The same clock counting towards another target on another calendar from {@code at}, keeping the
     * working time used so far (a case's priority or owner tier changed its policy). A breach stays a breach.
     *
     * @throws IllegalStateException when the clock is stopped
     * @throws IllegalArgumentException when {@code at} is before the previous transition or the target is
     *     not positive
     */
    public SlaClock retarget(BusinessCalendar newCalendar, Duration newTarget, Instant at) {
        if (state == State.STOPPED) {
            throw new IllegalStateException("cannot retarget an SLA clock that is stopped");
        }
        checkNotBefore(at);
        if (newTarget.isNegative() || newTarget.isZero()) {
            throw new IllegalArgumentException("an SLA target must be positive, not " + newTarget);
        }
        var usedNow = state == State.RUNNING ? usedAt(at) : used;
        var breached = state == State.RUNNING ? breachedAtOrNull(at) : breachedAt;
        return new SlaClock(Objects.requireNonNull(newCalendar), newTarget, state, usedNow, at, breached);
    }

    /**
     * The clock with its breach recorded at its due instant, as the watchdog sees it once that has passed.
     *
     * @throws IllegalStateException when the clock is not running or its due instant is not before {@code now}
     */
    public SlaClock breach(Instant now) {
        require(State.RUNNING, "breach");
        if (breachedAt != null) {
            return this;
        }
        var due = dueAt();
        if (now.isBefore(due)) {
            throw new IllegalStateException("an SLA clock due at " + due + " is not breached at " + now);
        }
        return new SlaClock(calendar, target, state, used, lastChange, due);
    }

    /** The working time used up to the last transition; never null. */
    Duration used() {
        return used;
    }

    /** When the clock last changed state (or was started); never null. */
    Instant lastChange() {
        return lastChange;
    }

    /** When the target ran out while the clock was running; null while it has not. */
    public Instant breachedAt() {
        return breachedAt;
    }

    /** Never null. */
    public State state() {
        return state;
    }

    /** The target of working time, never null. */
    public Duration target() {
        return target;
    }

    private Duration usedAt(Instant now) {
        return used.plus(calendar.businessTimeBetween(lastChange, now));
    }

    private Instant breachedAtOrNull(Instant at) {
        if (breachedAt != null) {
            return breachedAt;
        }
        var due = dueAt();
        return at.isAfter(due) ? due : null;
    }

    private void require(State expected, String transition) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + transition + " an SLA clock that is " + state);
        }
    }

    private void checkNotBefore(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(lastChange)) {
            throw new IllegalArgumentException("SLA clock changed at " + lastChange + ", cannot go back to " + at);
        }
    }

    @Override
    public String toString() {
        return "SlaClock[" + state + ", used " + used + " of " + target + " since " + lastChange + "]";
    }
}
