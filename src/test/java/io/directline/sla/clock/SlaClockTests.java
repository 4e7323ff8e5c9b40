package io.directline.sla.clock;

import static io.directline.sla.SlaFixtures.berlin;
import static io.directline.sla.SlaFixtures.officeHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.sla.SlaFixtures;
import io.directline.sla.policy.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClockTests {

    // Office hours in Berlin, Monday to Friday 08:00–12:00 and 13:00–17:00; 2026-11-23 is a Monday.
    private final BusinessCalendar calendar = officeHours();

    private SlaClock fourHoursFromMondayNine() {
        return SlaClock.start(calendar, Duration.ofHours(4), berlin("2026-11-23T09:00"));
    }

    @Test
    void isDueAfterTheTargetOfWorkingTime() {
        var clock = fourHoursFromMondayNine();

        assertThat(clock.dueAt()).isEqualTo(berlin("2026-11-23T14:00"));
        assertThat(clock.remaining(berlin("2026-11-23T11:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(clock.breached(berlin("2026-11-23T14:00"))).isFalse();
    }

    @Test
    void isBreachedOnceTheDueInstantHasPassed() {
        var clock = fourHoursFromMondayNine();
        var wallClock = Clock.fixed(berlin("2026-11-23T15:00"), SlaFixtures.BERLIN);

        assertThat(clock.breached(Instant.now(wallClock))).isTrue();
        assertThat(clock.remaining(Instant.now(wallClock))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void isBreachedAfterTheCloseThoughNoWorkingTimeIsOverdueYet() {
        var clock = SlaClock.start(calendar, Duration.ofHours(4), berlin("2026-11-20T13:00"));

        assertThat(clock.dueAt()).isEqualTo(berlin("2026-11-20T17:00"));
        assertThat(clock.breached(berlin("2026-11-20T18:00"))).isTrue();
        assertThat(clock.remaining(berlin("2026-11-20T18:00"))).isZero();
        assertThat(clock.remaining(berlin("2026-11-23T09:00"))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void pausedClockDoesNotRunWhileWaitingOnOwner() {
        var paused = fourHoursFromMondayNine().pause(berlin("2026-11-23T10:00"));

        assertThat(paused.state()).isEqualTo(SlaClock.State.PAUSED);
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.remaining(berlin("2026-11-25T16:00"))).isEqualTo(Duration.ofHours(3));
        assertThat(paused.breached(berlin("2026-11-25T16:00"))).isFalse();
    }

    @Test
    void resumedClockKeepsTheTimeAlreadyUsed() {
        var resumed =
                fourHoursFromMondayNine().pause(berlin("2026-11-23T10:00")).resume(berlin("2026-11-24T09:00"));

        assertThat(resumed.dueAt()).isEqualTo(berlin("2026-11-24T12:00"));
        assertThat(resumed.remaining(berlin("2026-11-24T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBreachIsNotUndoneByPausing() {
        var paused = fourHoursFromMondayNine().pause(berlin("2026-11-23T15:00"));

        assertThat(paused.breached(berlin("2026-11-23T15:00"))).isTrue();
        assertThat(paused.remaining(berlin("2026-11-30T15:00"))).isEqualTo(Duration.ofHours(-1));

        var resumed = paused.resume(berlin("2026-11-24T09:00"));
        assertThat(resumed.dueAt()).isEqualTo(berlin("2026-11-23T14:00"));
        assertThat(resumed.breached(berlin("2026-11-24T09:00"))).isTrue();
    }

    @Test
    void stoppedBeforeDueIsMet() {
        var stopped = fourHoursFromMondayNine().stop(berlin("2026-11-23T13:30"));

        assertThat(stopped.state()).isEqualTo(SlaClock.State.STOPPED);
        assertThat(stopped.dueAt()).isNull();
        assertThat(stopped.breached(berlin("2026-12-01T12:00"))).isFalse();
        assertThat(stopped.remaining(berlin("2026-12-01T12:00"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void stoppedAfterDueStaysBreached() {
        var stopped = fourHoursFromMondayNine().stop(berlin("2026-11-23T14:30"));

        assertThat(stopped.breached(berlin("2026-11-23T14:30"))).isTrue();
        assertThat(stopped.remaining(berlin("2026-12-01T12:00"))).isEqualTo(Duration.ofMinutes(-30));
    }

    @Test
    void stoppingWhilePausedKeepsTheTimeUsedBeforeThePause() {
        var stopped =
                fourHoursFromMondayNine().pause(berlin("2026-11-23T10:00")).stop(berlin("2026-11-30T10:00"));

        assertThat(stopped.breached(berlin("2026-11-30T10:00"))).isFalse();
        assertThat(stopped.remaining(berlin("2026-11-30T10:00"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void refusesIllegalTransitions() {
        var running = fourHoursFromMondayNine();
        var paused = running.pause(berlin("2026-11-23T10:00"));
        var stopped = running.stop(berlin("2026-11-23T10:00"));
        var later = berlin("2026-11-23T11:00");

        assertThatThrownBy(() -> running.resume(later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paused.pause(later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stopped.pause(later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stopped.resume(later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stopped.stop(later)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToGoBackInTime() {
        var paused = fourHoursFromMondayNine().pause(berlin("2026-11-23T10:00"));

        assertThatThrownBy(() -> paused.resume(berlin("2026-11-23T09:59")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATargetThatIsNotPositive() {
        assertThatThrownBy(() -> SlaClock.start(calendar, Duration.ZERO, berlin("2026-11-23T09:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
