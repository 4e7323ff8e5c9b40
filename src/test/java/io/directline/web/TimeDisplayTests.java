package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeDisplayTests {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final TimeDisplay fmt = new TimeDisplay(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void saysHowLongUntilABreachInItsTwoLargestUnits() {
        assertThat(fmt.breachIn(NOW.plus(Duration.ofHours(3).plusMinutes(59).plusSeconds(59))))
                .isEqualTo("in 3 h 59 min");
        assertThat(fmt.breachIn(NOW.plus(Duration.ofDays(4).plusHours(23).plusMinutes(59))))
                .isEqualTo("in 4 d 23 h");
        assertThat(fmt.breachIn(NOW.plusSeconds(45))).isEqualTo("in 45 s");
        assertThat(fmt.breachIn(NOW.plus(Duration.ofHours(2)))).isEqualTo("in 2 h");
    }

    @Test
    void aPassedDeadlineIsOverdueAndMarkedPast() {
        var due = NOW.minus(Duration.ofMinutes(12));

        assertThat(fmt.breachIn(due)).isEqualTo("overdue by 12 min");
        assertThat(fmt.isPast(due)).isTrue();
        assertThat(fmt.isPast(NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void noDeadlineShowsNothing() {
        assertThat(fmt.breachIn(null)).isEmpty();
        assertThat(fmt.isPast(null)).isFalse();
        assertThat(fmt.span(null)).isEmpty();
    }
}
