package io.directline.identity.workinghours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A staff member's weekly working hours in their time zone, written as people write it on a rota:
 * {@code MON-FRI 08:00-17:00}, {@code MON-THU 08:00-12:00,13:00-17:00; FRI 08:00-14:00},
 * {@code SAT,SUN 22:00-06:00} (a night shift, ending the next morning), {@code MON-SUN 00:00-24:00} (always) or
 * {@code none} (never, for someone away for now). Days are the first three letters of their English names; a
 * range of days may wrap round the week ({@code FRI-MON}).
 */
public record WorkingHours(String text, List<Shift> shifts) {

    /** One stretch of work starting on {@code day}; it ends the next day when {@code end} is not after {@code start}. */
    record Shift(DayOfWeek day, LocalTime start, LocalTime end) {

        boolean endsNextDay() {
            return !end.isAfter(start);
        }
    }

    /** A stretch of work placed in time. */
    private record Stretch(Instant start, Instant end) {}

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "MON", DayOfWeek.MONDAY,
            "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY,
            "THU", DayOfWeek.THURSDAY,
            "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    public WorkingHours {
        Objects.requireNonNull(text, "text");
        shifts = List.copyOf(shifts);
    }

    /**
     * Reads a schedule.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong and how to write it
     */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        var normalized = text.strip().replaceAll("\\s+", " ");
        if (normalized.equalsIgnoreCase("none")) {
            return new WorkingHours("none", List.of());
        }
        var shifts = new ArrayList<Shift>();
        for (var entry : normalized.split(";")) {
            var part = entry.strip();
            int space = part.indexOf(' ');
            if (space < 0) {
                throw invalid(text, "'" + part + "' needs days and hours, such as MON-FRI 08:00-17:00");
            }
            var days = days(text, part.substring(0, space));
            for (var range : part.substring(space + 1).replace(" ", "").split(",")) {
                var times = range.split("-");
                if (times.length != 2) {
                    throw invalid(text, "'" + range + "' is not a time range such as 08:00-17:00");
                }
                var start = time(text, times[0], false);
                var end = time(text, times[1], true);
                if (start.equals(end) && !times[1].equals("24:00")) {
                    throw invalid(
                            text, "'" + range + "' starts and ends at the same time; write a whole day as 00:00-24:00");
                }
                days.forEach(day -> shifts.add(new Shift(day, start, end)));
            }
        }
        return new WorkingHours(normalized.toUpperCase(Locale.ROOT), shifts);
    }

    /** Whether these hours hold no time at work at all. */
    boolean never() {
        return shifts.isEmpty();
    }

    /** Whether {@code at} falls in working hours, in {@code zone}. */
    public boolean atWork(Instant at, ZoneId zone) {
        return stretchesAround(at, zone).stream().anyMatch(s -> !at.isBefore(s.start()) && at.isBefore(s.end()));
    }

    /** The first moment after {@code at} at which work starts; null when there is none. */
    public Instant nextStart(Instant at, ZoneId zone) {
        return stretchesAround(at, zone).stream()
                .map(Stretch::start)
                .filter(start -> start.isAfter(at))
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Every stretch starting from the day before {@code at} to a week after it, which holds the next start. */
    private List<Stretch> stretchesAround(Instant at, ZoneId zone) {
        var today = LocalDate.ofInstant(at, zone);
        var stretches = new ArrayList<Stretch>();
        for (var date = today.minusDays(1); !date.isAfter(today.plusDays(8)); date = date.plusDays(1)) {
            for (var shift : shifts) {
                if (shift.day() != date.getDayOfWeek()) {
                    continue;
                }
                var start = ZonedDateTime.of(date, shift.start(), zone).toInstant();
                var end = ZonedDateTime.of(shift.endsNextDay() ? date.plusDays(1) : date, shift.end(), zone)
                        .toInstant();
                stretches.add(new Stretch(start, end));
            }
        }
        return stretches;
    }

    private static Set<DayOfWeek> days(String text, String days) {
        var result = EnumSet.noneOf(DayOfWeek.class);
        for (var item : days.split(",")) {
            var bounds = item.split("-");
            if (bounds.length == 1) {
                result.add(day(text, bounds[0]));
            } else if (bounds.length == 2) {
                var from = day(text, bounds[0]);
                var to = day(text, bounds[1]);
                for (var d = from; ; d = d.plus(1)) {
                    result.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw invalid(text, "'" + item + "' is not a day or a range of days such as MON-FRI");
            }
        }
        return result;
    }

    private static DayOfWeek day(String text, String name) {
        var day = DAYS.get(name.strip().toUpperCase(Locale.ROOT));
        if (day == null) {
            throw invalid(text, "'" + name + "' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
        }
        return day;
    }

    private static LocalTime time(String text, String value, boolean end) {
        if (end && value.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            if (!value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", value, 0);
            }
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(text, "'" + value + "' is not a time such as 08:00" + (end ? " or 24:00" : ""));
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException(
                "Working hours '" + (text == null ? "" : text.strip()) + "' cannot be read: " + why
                        + ". Write them as MON-FRI 08:00-17:00, several separated by ';', or none.");
    }

    @Override
    public String toString() {
        return text;
    }
}
