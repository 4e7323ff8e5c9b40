package io.directline.sla.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When work happens: a time zone, working hours per weekday and holidays. Immutable and thread-safe.
 *
 * <p>Working hours are local times in the calendar's zone and belong to the date they start on. They are
 * turned into instants with the zone's rules, so a working interval that contains the hour skipped when
 * clocks spring forward is an hour shorter, and one that contains the hour repeated when clocks fall back
 * is an hour longer; working time is always real elapsed time. A local time that does not exist (inside a
 * skipped hour) means the moment the clocks jump; a local time that occurs twice means its first occurrence.
 * A holiday has no working time at all.
 */
public final class BusinessCalendar {

    /** Consecutive days without any working time after which a search gives up. */
    static final int MAX_DAYS_WITHOUT_WORK = 5 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<BusinessHours>> hours;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<BusinessHours>> hours, Set<LocalDate> holidays) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
    }

    /**
     * A calendar with the given working hours; days missing from {@code hours} have no working time.
     *
     * @throws IllegalArgumentException naming the day and the intervals when an interval ends before it starts
     *     or is empty, or when two intervals of a day overlap; or when no weekday has any working time
     * @throws NullPointerException when an argument or an element is null
     */
    public static BusinessCalendar of(
            ZoneId zone, Map<DayOfWeek, ? extends Collection<BusinessHours>> hours, Collection<LocalDate> holidays) {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<BusinessHours>> checked = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, intervals) -> {
            var sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparingLong(BusinessHours::startNanos));
            BusinessHours previous = null;
            for (var interval : sorted) {
                if (interval.endNanos() <= interval.startNanos()) {
                    throw new IllegalArgumentException(
                            day + ": working hours " + interval + " end before or when they start");
                }
                if (previous != null && previous.endNanos() > interval.startNanos()) {
                    throw new IllegalArgumentException(
                            day + ": working hours " + previous + " and " + interval + " overlap");
                }
                previous = interval;
            }
            if (!sorted.isEmpty()) {
                checked.put(Objects.requireNonNull(day, "day"), List.copyOf(sorted));
            }
        });
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs working hours on at least one weekday");
        }
        return new BusinessCalendar(zone, checked, Set.copyOf(holidays));
    }

    /** Every moment is working time; the zone only matters for holidays, of which there are none. */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        Map<DayOfWeek, List<BusinessHours>> allDays = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            allDays.put(day, List.of(BusinessHours.allDay()));
        }
        return of(zone, allDays, Set.of());
    }

    /** {@link #twentyFourSeven(ZoneId)} in UTC. */
    public static BusinessCalendar twentyFourSeven() {
        return twentyFourSeven(ZoneOffset.UTC);
    }

    /** The zone the working hours and holidays are read in, never null. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code amount} of working time has elapsed, counting from {@code start}, or from
     * the next opening when {@code start} is outside working hours. When the amount runs out exactly at the end
     * of a working interval, that end is returned (not the next opening). A zero amount returns {@code start}.
     *
     * @return never null, never before {@code start}
     * @throws IllegalArgumentException when {@code amount} is negative, or when the calendar has no working
     *     time for five years in a row on the way (for example because of holidays)
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative business time " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        var left = amount;
        var date = start.atZone(zone).toLocalDate().minusDays(1);
        int daysWithoutWork = 0;
        while (true) {
            var openings = openings(date);
            for (var opening : openings) {
                if (!opening.end().isAfter(start)) {
                    continue;
                }
                var from = later(opening.start(), start);
                var available = Duration.between(from, opening.end());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
            daysWithoutWork = openings.isEmpty() ? daysWithoutWork + 1 : 0;
            if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw new IllegalArgumentException("no working time for " + MAX_DAYS_WITHOUT_WORK + " days after "
                        + date.minusDays(MAX_DAYS_WITHOUT_WORK));
            }
            date = date.plusDays(1);
        }
    }

    /**
     * The working time from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @return never null or negative; zero when {@code to} is not after {@code from}
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var total = Duration.ZERO;
        var last = to.atZone(zone).toLocalDate();
        for (var date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (var opening : openings(date)) {
                var start = later(opening.start(), from);
                var end = opening.end().isBefore(to) ? opening.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private List<Opening> openings(LocalDate date) {
        var intervals = hours.get(date.getDayOfWeek());
        if (intervals == null || holidays.contains(date)) {
            return List.of();
        }
        var openings = new ArrayList<Opening>(intervals.size());
        for (var interval : intervals) {
            var start = instant(date.atTime(interval.start()));
            var end = interval.endsAtMidnight()
                    ? instant(date.plusDays(1).atStartOfDay())
                    : instant(date.atTime(interval.end()));
            if (end.isAfter(start)) {
                openings.add(new Opening(start, end));
            }
        }
        return openings;
    }

    private Instant instant(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    public static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Opening(Instant start, Instant end) {}

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + hours + ", " + holidays.size() + " holidays]";
    }
}
