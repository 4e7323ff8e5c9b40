package io.directline.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Whether a staff member is at work at an instant, by their weekly working hours.
 *
 * @param username the staff member; never null
 * @param atWork whether the instant falls in their working hours
 * @param nextStart when their working hours next start after the instant; null when they are at work, and when
 *     they have no working hours at all (their hours are {@code none})
 * @param zone the time zone of their working hours; never null
 */
public record StaffAvailability(String username, boolean atWork, Instant nextStart, ZoneId zone) {

    public StaffAvailability {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(zone, "zone");
        if (atWork && nextStart != null) {
            throw new IllegalArgumentException("someone at work has no next start");
        }
    }

    /** Whether they have no working hours at all for now, so nobody can say when they will be back. */
    public boolean neverAtWork() {
        return !atWork && nextStart == null;
    }
}
