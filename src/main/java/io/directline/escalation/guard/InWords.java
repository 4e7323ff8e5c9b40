package io.directline.escalation.guard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times, spans and counts in words, as the sentences owners read show them (the guard's refusals, the responder
 * choice, the executive's due time), in the owner's time zone.
 */
public final class InWords {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private InWords() {}

    /** "Saturday 21 November 2026 at 11:00 (Europe/Berlin)". */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "21 November 2026". */
    static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    /** "90 days", "24 hours", "1 hour", "35 minutes": days when it is two or more whole days, else hours, else minutes. */
    static String span(Duration duration) {
        if (duration.toDays() > 1 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() > 0) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
