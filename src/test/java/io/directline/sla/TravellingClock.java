package io.directline.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, in UTC, so deadlines come due without waiting. */
public final class TravellingClock extends Clock {

    private volatile Instant now;

    public TravellingClock(Instant start) {
        this.now = start;
    }

    /** Sets the time; it may not go back, as no real clock does. */
    public void travelTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("cannot travel back from " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
