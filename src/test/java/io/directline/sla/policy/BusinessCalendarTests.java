package io.directline.sla.policy;

import static io.directline.sla.SlaFixtures.BERLIN;
import static io.directline.sla.SlaFixtures.NEW_YORK;
import static io.directline.sla.SlaFixtures.at;
import static io.directline.sla.SlaFixtures.berlin;
import static io.directline.sla.SlaFixtures.everyDay;
import static io.directline.sla.SlaFixtures.officeHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    // 2026-11-20 is a Friday, 2026-11-23 a Monday.

    @Test
    void countsOnlyWorkingHoursAcrossAWeekend() {
        var calendar = officeHours();

        assertThat(calendar.addBusinessTime(berlin("2026-11-20T16:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-23T09:00"));
        assertThat(calendar.businessTimeBetween(berlin("2026-11-20T16:00"), berlin("2026-11-23T09:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void skipsTheLunchBreak() {
        var calendar = officeHours();

        assertThat(calendar.addBusinessTime(berlin("2026-11-23T11:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-23T14:00"));
        assertThat(calendar.businessTimeBetween(berlin("2026-11-23T11:30"), berlin("2026-11-23T13:30")))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void countsFortyHoursInAnOfficeWeek() {
        assertThat(officeHours().businessTimeBetween(berlin("2026-11-23T00:00"), berlin("2026-11-30T00:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void skipsHolidays() {
        var calendar = officeHours(LocalDate.parse("2026-11-23"));

        assertThat(calendar.addBusinessTime(berlin("2026-11-20T16:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-24T09:00"));
        assertThat(calendar.businessTimeBetween(berlin("2026-11-23T00:00"), berlin("2026-11-24T00:00")))
                .isZero();
    }

    @Test
    void startsCountingAtNextOpeningWhenStartedOutsideHours() {
        var calendar = officeHours();

        assertThat(calendar.addBusinessTime(berlin("2026-11-21T10:00"), Duration.ofHours(1)))
                .as("Saturday")
                .isEqualTo(berlin("2026-11-23T09:00"));
        assertThat(calendar.addBusinessTime(berlin("2026-11-23T06:00"), Duration.ofMinutes(30)))
                .as("before opening")
                .isEqualTo(berlin("2026-11-23T08:30"));
        assertThat(calendar.addBusinessTime(berlin("2026-11-23T12:30"), Duration.ofHours(1)))
                .as("lunch")
                .isEqualTo(berlin("2026-11-23T14:00"));
    }

    @Test
    void endsAtTheCloseWhenTheTimeRunsOutExactlyThen() {
        assertThat(officeHours().addBusinessTime(berlin("2026-11-23T16:00"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-11-23T17:00"));
    }

    @Test
    void addingNothingReturnsTheStartAndAnEmptyRangeHasNoWorkingTime() {
        var calendar = officeHours();
        var saturday = berlin("2026-11-21T10:00");

        assertThat(calendar.addBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        assertThat(calendar.businessTimeBetween(berlin("2026-11-23T10:00"), berlin("2026-11-23T09:00")))
                .isZero();
        assertThatThrownBy(() -> calendar.addBusinessTime(saturday, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursEndingAtMidnightRunIntoTheNextDay() {
        var calendar = everyDay(BERLIN, BusinessHours.of("00:00", "02:00"), BusinessHours.of("22:00", "24:00"));

        assertThat(calendar.addBusinessTime(berlin("2026-11-23T23:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-24T01:00"));
        assertThat(calendar.businessTimeBetween(berlin("2026-11-23T12:00"), berlin("2026-11-24T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(BusinessHours.of("22:00", "24:00").end()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void springForwardShortensTheWorkingDay() {
        for (var day : Map.of(BERLIN, "2026-03-29", NEW_YORK, "2026-03-08").entrySet()) {
            var zone = day.getKey();
            var calendar = everyDay(zone, BusinessHours.of("00:00", "06:00"));
            var midnight = at(zone, day.getValue() + "T00:00");

            var nextMidnight = midnight.atZone(zone).plusDays(1).toInstant();

            assertThat(calendar.businessTimeBetween(midnight, nextMidnight))
                    .as(zone.getId())
                    .isEqualTo(Duration.ofHours(5));
            assertThat(calendar.addBusinessTime(midnight, Duration.ofHours(6)).atZone(zone))
                    .as(zone.getId())
                    .isEqualTo(midnight.atZone(zone).plusDays(1).plusHours(1));
        }
    }

    @Test
    void fallBackLengthensIt() {
        for (var day : Map.of(BERLIN, "2026-10-25", NEW_YORK, "2026-11-01").entrySet()) {
            var zone = day.getKey();
            var calendar = everyDay(zone, BusinessHours.of("00:00", "06:00"));
            var midnight = at(zone, day.getValue() + "T00:00");

            var twoDaysLater = midnight.atZone(zone).plusDays(2).toInstant();

            assertThat(calendar.businessTimeBetween(midnight, twoDaysLater))
                    .as(zone.getId())
                    .isEqualTo(Duration.ofHours(7 + 6));
            assertThat(calendar.addBusinessTime(midnight, Duration.ofHours(7)).atZone(zone))
                    .as(zone.getId())
                    .isEqualTo(midnight.atZone(zone).withHour(6));
        }
    }

    @Test
    void twentyFourSevenCountsRealElapsedTimeAcrossDaylightSavingChanges() {
        var days = Map.of(
                BERLIN, List.of("2026-03-29", "2026-10-25"),
                NEW_YORK, List.of("2026-03-08", "2026-11-01"));
        days.forEach((zone, dates) -> {
            var calendar = BusinessCalendar.twentyFourSeven(zone);
            var spring = at(zone, dates.get(0) + "T00:00");
            var fall = at(zone, dates.get(1) + "T00:00");
            var nextSpring = spring.atZone(zone).plusDays(1).toInstant();
            var nextFall = fall.atZone(zone).plusDays(1).toInstant();

            assertThat(calendar.businessTimeBetween(spring, nextSpring)).isEqualTo(Duration.ofHours(23));
            assertThat(calendar.businessTimeBetween(fall, nextFall)).isEqualTo(Duration.ofHours(25));
            assertThat(calendar.addBusinessTime(spring, Duration.ofHours(24)))
                    .isEqualTo(spring.plus(Duration.ofHours(24)));
            assertThat(calendar.addBusinessTime(fall, Duration.ofHours(24))).isEqualTo(fall.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void aLocalTimeInsideTheSkippedHourMeansTheMomentTheClocksJump() {
        var calendar = everyDay(BERLIN, BusinessHours.of("02:30", "04:00"));

        assertThat(calendar.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(calendar.addBusinessTime(berlin("2026-03-29T00:00"), Duration.ofMinutes(1)))
                .isEqualTo(berlin("2026-03-29T03:01"));
    }

    @Test
    void aRepeatedLocalTimeMeansItsFirstOccurrence() {
        var calendar = everyDay(BERLIN, BusinessHours.of("02:30", "04:00"));

        assertThat(calendar.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                .as("02:30 CEST to 04:00 CET")
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void refusesOverlappingHours() {
        var hours = Map.of(
                DayOfWeek.MONDAY, List.of(BusinessHours.of("11:00", "13:00"), BusinessHours.of("08:00", "12:00")));

        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, hours, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("MONDAY", "08:00–12:00", "11:00–13:00", "overlap");
    }

    @Test
    void acceptsHoursThatTouch() {
        var hours = Map.of(
                DayOfWeek.MONDAY, List.of(BusinessHours.of("08:00", "12:00"), BusinessHours.of("12:00", "13:00")));

        assertThat(BusinessCalendar.of(BERLIN, hours, Set.of())
                        .businessTimeBetween(berlin("2026-11-23T00:00"), berlin("2026-11-24T00:00")))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void refusesInvertedOrEmptyHours() {
        Stream.of(BusinessHours.of("17:00", "08:00"), BusinessHours.of("09:00", "09:00"))
                .forEach(inverted -> assertThatThrownBy(() ->
                                BusinessCalendar.of(BERLIN, Map.of(DayOfWeek.TUESDAY, List.of(inverted)), Set.of()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContainingAll("TUESDAY", inverted.toString()));
    }

    @Test
    void refusesTheLastNanosecondAsTheEndOfTheDay() {
        assertThatThrownBy(() -> new BusinessHours(LocalTime.of(22, 0), LocalTime.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24:00");
    }

    @Test
    void refusesACalendarWithoutWorkingTime() {
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, Map.of(DayOfWeek.MONDAY, List.of()), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one weekday");
    }

    @Test
    void givesUpWhenHolidaysLeaveNoWorkingTimeForYears() {
        var mondays = Stream.iterate(LocalDate.parse("2026-11-30"), d -> d.plusWeeks(1))
                .limit(6 * 53)
                .toList();
        var calendar = BusinessCalendar.of(
                ZoneId.of("UTC"), Map.of(DayOfWeek.MONDAY, List.of(BusinessHours.allDay())), mondays);

        assertThatThrownBy(() -> calendar.addBusinessTime(Instant.parse("2026-11-24T00:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no working time");
    }
}
