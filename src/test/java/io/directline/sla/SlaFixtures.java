package io.directline.sla;

import io.directline.escalation.notification.StaffNotificationService;
import io.directline.sla.policy.BusinessCalendar;
import io.directline.sla.policy.BusinessHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/** Calendars and times for the SLA tests, and SLA data other modules' tests need. */
public final class SlaFixtures {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private SlaFixtures() {}

    /** Monday to Friday 08:00–12:00 and 13:00–17:00 in Berlin. */
    public static BusinessCalendar officeHours(LocalDate... holidays) {
        return weekdays(
                BERLIN, List.of(BusinessHours.of("08:00", "12:00"), BusinessHours.of("13:00", "17:00")), holidays);
    }

    public static BusinessCalendar weekdays(ZoneId zone, List<BusinessHours> hours, LocalDate... holidays) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, hours);
            }
        }
        return BusinessCalendar.of(zone, week, Set.of(holidays));
    }

    public static BusinessCalendar everyDay(ZoneId zone, BusinessHours... hours) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, List.of(hours));
        }
        return BusinessCalendar.of(zone, week, Set.of());
    }

    /** A local date-time in Berlin, e.g. {@code berlin("2026-11-20T16:00")}. */
    public static Instant berlin(String localDateTime) {
        return at(BERLIN, localDateTime);
    }

    public static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /**
     * An unread notification for a staff member about a case, as an escalation to them leaves one, for tests
     * that need one per person without climbing the ladder. Returns its id.
     */
    public static long staffNotification(ApplicationContext context, String username, long caseId, String text) {
        return context.getBean(StaffNotificationService.class)
                .tell(username, caseId, text, Instant.now())
                .getId();
    }
}
