package io.directline.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** A daily window, in the owner's time zone, when nothing non-urgent is sent; may span midnight. */
@Embeddable
public record QuietHours(
        @Column(name = "quiet_hours_start") LocalTime start,
        @Column(name = "quiet_hours_end") LocalTime end) {

    public boolean contains(ZonedDateTime localTime) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        LocalTime t = localTime.toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
