package io.directline.servicecenter.center;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The opening hours of one day, {@code opens} (inclusive) to {@code closes} (exclusive), in the center's zone. */
public record Hours(LocalTime opens, LocalTime closes) {

    /** {@code 08:00-18:00}; empty for anything else, or when it does not close after it opens. */
    static Optional<Hours> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var parts = text.strip().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            var opens = LocalTime.parse(parts[0]);
            var closes = LocalTime.parse(parts[1]);
            return closes.isAfter(opens) ? Optional.of(new Hours(opens, closes)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    @JsonValue
    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
