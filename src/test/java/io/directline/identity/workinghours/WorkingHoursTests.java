package io.directline.identity.workinghours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingHoursTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday 23 November 2026, 09:00 in New York (EST, UTC-5). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T14:00:00Z");

    @Test
    void readsARotaAsPeopleWriteIt() {
        var schedule = WorkingHours.parse("mon-thu 08:00-12:00, 13:00-17:00;  FRI 08:00-14:00");

        assertThat(schedule.shifts())
                .hasSize(9)
                .contains(
                        new WorkingHours.Shift(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new WorkingHours.Shift(DayOfWeek.THURSDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)),
                        new WorkingHours.Shift(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(14, 0)));
        assertThat(schedule.text()).isEqualTo("MON-THU 08:00-12:00, 13:00-17:00; FRI 08:00-14:00");
    }

    @Test
    void atWorkWithinTheHoursInTheirTimeZoneAndNotOutside() {
        var schedule = WorkingHours.parse("MON-FRI 08:00-17:00");

        assertThat(schedule.atWork(MONDAY_MORNING, NEW_YORK)).isTrue();
        assertThat(schedule.atWork(Instant.parse("2026-11-23T13:00:00Z"), NEW_YORK))
                .as("08:00 sharp is working time")
                .isTrue();
        assertThat(schedule.atWork(Instant.parse("2026-11-23T22:00:00Z"), NEW_YORK))
                .as("17:00 is the first moment after it")
                .isFalse();
        assertThat(schedule.atWork(MONDAY_MORNING, ZoneId.of("Asia/Tokyo")))
                .as("23:00 in Tokyo")
                .isFalse();
    }

    @Test
    void nextStartIsTheNextWorkingMorningAcrossTheWeekend() {
        var schedule = WorkingHours.parse("MON-FRI 08:00-17:00");
        var fridayEvening = Instant.parse("2026-11-27T23:30:00Z");

        assertThat(schedule.atWork(fridayEvening, NEW_YORK)).isFalse();
        assertThat(schedule.nextStart(fridayEvening, NEW_YORK)).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
        assertThat(schedule.nextStart(Instant.parse("2026-11-23T12:59:00Z"), NEW_YORK))
                .as("before work on Monday")
                .isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    }

    @Test
    void aNightShiftEndsTheNextMorning() {
        var schedule = WorkingHours.parse("SUN 22:00-06:00");

        assertThat(schedule.atWork(Instant.parse("2026-11-23T10:00:00Z"), NEW_YORK))
                .as("05:00 on Monday, still Sunday's shift")
                .isTrue();
        assertThat(schedule.atWork(Instant.parse("2026-11-23T11:00:00Z"), NEW_YORK))
                .as("06:00 on Monday")
                .isFalse();
        assertThat(schedule.nextStart(Instant.parse("2026-11-23T11:00:00Z"), NEW_YORK))
                .as("next Sunday 22:00 in New York")
                .isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
    }

    @Test
    void allWeekRoundTheClockIsAlwaysAtWork() {
        var schedule = WorkingHours.parse("MON-SUN 00:00-24:00");

        for (int hour = 0; hour < 24 * 7; hour += 5) {
            assertThat(schedule.atWork(MONDAY_MORNING.plusSeconds(hour * 3600L), NEW_YORK))
                    .isTrue();
        }
    }

    @Test
    void aRangeOfDaysMayWrapRoundTheWeek() {
        var schedule = WorkingHours.parse("FRI-MON 10:00-11:00");

        assertThat(schedule.shifts())
                .extracting(WorkingHours.Shift::day)
                .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    }

    @Test
    void noneIsNeverAtWorkAndHasNoNextStart() {
        var schedule = WorkingHours.parse(" None ");

        assertThat(schedule.never()).isTrue();
        assertThat(schedule.atWork(MONDAY_MORNING, NEW_YORK)).isFalse();
        assertThat(schedule.nextStart(MONDAY_MORNING, NEW_YORK)).isNull();
    }

    @Test
    void aStartInTheHourSkippedInSpringMovesOnByThatHour() {
        // 8 March 2026, 02:30 does not exist in New York: clocks go from 02:00 to 03:00 (EDT, UTC-4)
        var schedule = WorkingHours.parse("SUN 02:30-05:00");

        assertThat(schedule.nextStart(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "MON-FRI",
                "MONDAY 08:00-17:00",
                "MON-FRI 8-17",
                "MON-FRI 08:00-25:00",
                "MON 09:00-09:00",
                "MON 08:00-12:00-13:00",
                "MON-TUE-WED 08:00-17:00"
            })
    void refusesWhatCannotBeReadSayingHowToWriteIt(String hours) {
        assertThatThrownBy(() -> WorkingHours.parse(hours))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("MON-FRI 08:00-17:00")
                .hasMessageEndingWith(".");
    }
}
