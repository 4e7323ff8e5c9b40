package io.directline.identity.workinghours;

import java.time.Instant;

/**
 * A staff member's working hours as they stand: the weekly hours and time zone in force (their own, or the default),
 * and whether they are at work now or when they next start.
 *
 * @param hours the weekly hours in force, such as {@code MON-FRI 08:00-17:00}
 * @param timeZone the time zone the hours are in
 * @param defaultHours whether the hours are the default rather than their own
 * @param defaultTimeZone whether the time zone is the default rather than their own
 * @param atWork whether they are at work at the time asked
 * @param nextStart when they next start work, when not at work; null at work or when they never work
 */
public record WorkingHoursStatus(
        String username,
        String hours,
        String timeZone,
        boolean defaultHours,
        boolean defaultTimeZone,
        boolean atWork,
        Instant nextStart) {}
