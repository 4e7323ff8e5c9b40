package io.directline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand: time stands still until a test travels. Thread-safe. */
public final class TravellingClock extends Clock {

    private final AtomicReference<Instant> now;

    public TravellingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Goes to {@code instant}, forward or back. */
    public void travelTo(Instant instant) {
        now.set(instant);
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
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
