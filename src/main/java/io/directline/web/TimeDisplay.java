package io.directline.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Date and time as screens show them; templates call it as {@code @fmt}. */
@Component("fmt")
public class TimeDisplay {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Clock clock;

    TimeDisplay(Clock clock) {
        this.clock = clock;
    }

    /** "3 min ago", "5 h ago", "2 d ago". */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        var d = Duration.between(instant, clock.instant());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " d ago";
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.of("UTC"))) + " UTC";
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Whether the instant has passed; false for null. */
    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    /** How long until a deadline: "in 3 h 20 min", or "overdue by 12 min" once it has passed; "" for null. */
    public String breachIn(Instant due) {
        if (due == null) {
            return "";
        }
        var left = Duration.between(clock.instant(), due);
        return left.isNegative() ? "overdue by " + span(left) : "in " + span(left);
    }

    /**
     * A length of time in its two largest units, rounded down: "2 d 4 h", "3 h 20 min", "12 min", "45 s". A
     * negative one reads as its length; "" for null.
     */
    public String span(Duration duration) {
        if (duration == null) {
            return "";
        }
        var d = duration.abs();
        if (d.toDays() > 0) {
            return d.toDays() + " d" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
