package io.directline.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BusinessCalendarPropertyTests {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // half-hour daylight saving
            ZoneId.of("America/Santiago"), // clocks change at midnight
            ZoneId.of("Asia/Kolkata"));

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(2 * 365).toSeconds();

    private final Random random = new Random(20261122L);

    @Test
    void businessTimeBetweenUndoesAddBusinessTime() {
        for (int i = 0; i < 3000; i++) {
            var calendar = randomCalendar();
            var start = randomInstant(calendar.zone());
            var amount = Duration.ofSeconds(
                            random.nextLong(Duration.ofHours(300).toSeconds()))
                    .plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);

            var end = calendar.addBusinessTime(start, amount);

            assertThat(end).as("%s from %s plus %s", calendar, start, amount).isAfterOrEqualTo(start);
            assertThat(amount)
                    .as("%s from %s plus %s: more working time than elapsed time", calendar, start, amount)
                    .isLessThanOrEqualTo(Duration.between(start, end));
            assertThat(calendar.businessTimeBetween(start, end))
                    .as("%s from %s plus %s", calendar, start, amount)
                    .isEqualTo(amount);
        }
    }

    @Test
    void addingTheWorkingTimeOfARangeNeverOvershootsItsEnd() {
        for (int i = 0; i < 3000; i++) {
            var calendar = randomCalendar();
            var from = randomInstant(calendar.zone());
            var to = from.plusSeconds(random.nextLong(
                    Duration.ofDays(random.nextBoolean() ? 20 : 1).toSeconds() / 8));

            var worked = calendar.businessTimeBetween(from, to);

            assertThat(worked).isLessThanOrEqualTo(Duration.between(from, to));
            assertThat(calendar.addBusinessTime(from, worked))
                    .as("%s from %s to %s", calendar, from, to)
                    .isBeforeOrEqualTo(to);
        }
    }

    @Test
    void addingMoreWorkingTimeNeverEndsEarlier() {
        for (int i = 0; i < 3000; i++) {
            var calendar = randomCalendar();
            var start = randomInstant(calendar.zone());
            var less = Duration.ofMinutes(random.nextInt(48 * 60));
            var more = less.plusMinutes(1 + random.nextInt(120));

            assertThat(calendar.addBusinessTime(start, more))
                    .as("%s from %s plus %s and %s", calendar, start, less, more)
                    .isAfter(calendar.addBusinessTime(start, less));
        }
    }

    @Test
    void noQuarterHourHoldsMoreThanAQuarterHourOfWorkingTime() {
        var quarter = Duration.ofMinutes(15);
        for (int i = 0; i < 2000; i++) {
            var zone = ZONES.get(random.nextInt(ZONES.size()));
            var calendar = sameHoursEveryDay(zone);
            var transition = zone.getRules().nextTransition(randomInstant(zone));
            var from = transition == null
                    ? randomInstant(zone)
                    : transition.getInstant().minus(Duration.ofHours(random.nextInt(36)));
            var total = Duration.ZERO;
            for (var t = from; t.isBefore(from.plus(Duration.ofDays(3))); t = t.plus(quarter)) {
                var worked = calendar.businessTimeBetween(t, t.plus(quarter));
                assertThat(worked).as("%s from %s", calendar, t).isLessThanOrEqualTo(quarter);
                total = total.plus(worked);
            }
            assertThat(calendar.businessTimeBetween(from, from.plus(Duration.ofDays(3))))
                    .as("%s from %s", calendar, from)
                    .isEqualTo(total);
        }
    }

    @Test
    void twentyFourSevenIsElapsedTimeInEveryZone() {
        for (int i = 0; i < 1000; i++) {
            var calendar = BusinessCalendar.twentyFourSeven(ZONES.get(random.nextInt(ZONES.size())));
            var from = randomInstant(calendar.zone());
            var amount = Duration.ofSeconds(random.nextLong(Duration.ofDays(30).toSeconds()));

            assertThat(calendar.addBusinessTime(from, amount)).isEqualTo(from.plus(amount));
            assertThat(calendar.businessTimeBetween(from, from.plus(amount))).isEqualTo(amount);
        }
    }

    /** Half of the instants fall within two days of a daylight-saving change, where the arithmetic is hard. */
    private BusinessCalendar sameHoursEveryDay(ZoneId zone) {
        var hours = randomHours();
        while (hours.isEmpty()) {
            hours = randomHours();
        }
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, hours);
        }
        return BusinessCalendar.of(zone, week, Set.of());
    }

    private Instant randomInstant(ZoneId zone) {
        var instant = FROM.plusSeconds(random.nextLong(SPAN_SECONDS));
        var transition = zone.getRules().nextTransition(instant);
        if (transition == null || random.nextBoolean()) {
            return instant;
        }
        return transition.getInstant().plusSeconds(random.nextLong(-2 * 86_400, 2 * 86_400));
    }

    private BusinessCalendar randomCalendar() {
        var zone = ZONES.get(random.nextInt(ZONES.size()));
        if (random.nextInt(10) == 0) {
            return BusinessCalendar.twentyFourSeven(zone);
        }
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        while (week.isEmpty()) {
            for (var day : DayOfWeek.values()) {
                var hours = randomHours();
                if (!hours.isEmpty()) {
                    week.put(day, hours);
                }
            }
        }
        var holidays = new HashSet<LocalDate>();
        for (int i = random.nextInt(30); i > 0; i--) {
            holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(2 * 365)));
        }
        return BusinessCalendar.of(zone, week, holidays);
    }

    /**
     * Zero to three intervals on quarter-hour boundaries, half of them between 00:00 and 04:00 where clocks
     * change; 24:00 is written as midnight.
     */
    private List<BusinessHours> randomHours() {
        var boundaries = new TreeSet<Integer>();
        int intervals = random.nextInt(4);
        while (boundaries.size() < 2 * intervals) {
            boundaries.add(random.nextBoolean() ? random.nextInt(4 * 4 + 1) * 15 : random.nextInt(24 * 4 + 1) * 15);
        }
        var minutes = new ArrayList<>(boundaries);
        var hours = new ArrayList<BusinessHours>();
        for (int i = 0; i < minutes.size(); i += 2) {
            hours.add(new BusinessHours(time(minutes.get(i)), time(minutes.get(i + 1))));
        }
        return hours;
    }

    private static LocalTime time(int minuteOfDay) {
        return minuteOfDay == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }
}
