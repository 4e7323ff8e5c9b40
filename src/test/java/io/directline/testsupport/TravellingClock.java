package io.directline.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, in UTC: time stands still until a test travels, so deadlines come due without
 * waiting. Thread-safe; a clock {@link #withZone in another zone} travels with this one.
 */
public final class TravellingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TravellingClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private TravellingClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Goes to {@code instant}, forward or back. */
    public void travelTo(Instant instant) {
        now.set(instant);
    }

    /** Goes forward to {@code instant}; it may not go back, as no real clock does. */
    public void travelForwardTo(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("cannot travel back from " + t + " to " + instant);
            }
            return instant;
        });
    }

    /** Moves forward by {@code duration}. */
    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TravellingClock(now, zone);
    }
}
