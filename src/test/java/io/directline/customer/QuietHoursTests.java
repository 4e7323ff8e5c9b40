package io.directline.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static ZonedDateTime at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 22, hour, minute, 0, 0, ZoneId.of("America/Chicago"));
    }

    @Test
    void overnightWindowCoversLateEveningAndEarlyMorning() {
        var quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
        assertThat(quiet.contains(at(22, 30))).isTrue();
        assertThat(quiet.contains(at(3, 0))).isTrue();
        assertThat(quiet.contains(at(8, 0))).isFalse();
        assertThat(quiet.contains(at(12, 0))).isFalse();
        assertThat(quiet.contains(at(21, 0))).isTrue();
    }

    @Test
    void daytimeWindowCoversOnlyItsHours() {
        var quiet = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(quiet.contains(at(12, 30))).isTrue();
        assertThat(quiet.contains(at(13, 0))).isFalse();
        assertThat(quiet.contains(at(23, 0))).isFalse();
    }

    @Test
    void missingOrEmptyWindowIsNeverQuiet() {
        assertThat(new QuietHours(null, null).contains(at(3, 0))).isFalse();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).contains(at(12, 0)))
                .isFalse();
    }
}
