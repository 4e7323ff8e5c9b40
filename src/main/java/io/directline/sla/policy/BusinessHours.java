package io.directline.sla.policy;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One interval of business hours within a day, from {@code start} (inclusive) to {@code end} (exclusive) in
 * the calendar's local time.
 *
 * <p>An {@code end} of {@link LocalTime#MIDNIGHT} means 24:00, the end of the day: {@code 22:00–00:00} is
 * the last two hours of the day and {@code 00:00–00:00} the whole day. {@link LocalTime#MAX} is refused as an
 * end so that there is only one way to write the end of the day. Whether start and end are in order is
 * checked by {@link BusinessCalendar}, which names the day in its message.
 *
 * @param start first working moment, never null
 * @param end first moment after the working time, never null; {@code MIDNIGHT} for the end of the day
 */
public record BusinessHours(LocalTime start, LocalTime end) {

    public BusinessHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.equals(LocalTime.MAX)) {
            throw new IllegalArgumentException(
                    "working hours ending at " + end + ": write the end of the day as 24:00");
        }
    }

    /**
     * Parses {@code "HH:mm"} times; the end may be {@code "24:00"} for the end of the day.
     *
     * @throws java.time.format.DateTimeParseException when a time is not {@code HH:mm[:ss]}
     */
    public static BusinessHours of(String start, String end) {
        return new BusinessHours(
                LocalTime.parse(start), "24:00".equals(end) ? LocalTime.MIDNIGHT : LocalTime.parse(end));
    }

    /** The whole day, {@code 00:00–24:00}. */
    public static BusinessHours allDay() {
        return new BusinessHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    long startNanos() {
        return start.toNanoOfDay();
    }

    long endNanos() {
        return end.equals(LocalTime.MIDNIGHT) ? 24L * 3600 * 1_000_000_000L : end.toNanoOfDay();
    }

    boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
        return start + "–" + (endsAtMidnight() ? "24:00" : end.toString());
    }
}
