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
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Clock clock;

    Formats(Clock clock) {
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
}
