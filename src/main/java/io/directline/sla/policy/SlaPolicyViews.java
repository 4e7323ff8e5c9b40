package io.directline.sla.policy;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import io.directline.sla.ClockKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the API and the admin screen show of SLA policies, in the notation an administrator types. */
final class SlaPolicyViews {

    private SlaPolicyViews() {}

    /** Targets as ISO-8601 durations; null where the policy sets none. */
    record Targets(String firstResponse, String nextResponse, String resolution) {

        static Targets of(SlaPolicy p) {
            return new Targets(
                    iso(p.target(ClockKind.FIRST_RESPONSE)),
                    iso(p.target(ClockKind.NEXT_RESPONSE)),
                    iso(p.target(ClockKind.RESOLUTION)));
        }
    }

    /**
     * A business calendar: intervals such as {@code 09:00-17:00} per weekday, holidays as ISO dates.
     *
     * @param hours null for around the clock
     */
    record Calendar(String timeZone, Map<String, List<String>> hours, List<String> holidays) {

        static Calendar of(SlaPolicy p) {
            return new Calendar(
                    p.getZone().getId(),
                    SlaPolicyViews.hours(p),
                    p.holidayDates().stream().map(LocalDate::toString).toList());
        }
    }

    record PolicyView(
            long id,
            String name,
            Channel channel,
            Priority priority,
            Tier tier,
            Targets targets,
            Calendar calendar,
            boolean active,
            boolean aroundTheClock,
            Instant createdAt,
            Instant updatedAt) {

        static PolicyView of(SlaPolicy p) {
            return new PolicyView(
                    p.getId(),
                    p.getName(),
                    p.getChannel(),
                    p.getPriority(),
                    p.getTier(),
                    Targets.of(p),
                    Calendar.of(p),
                    p.isActive(),
                    p.isAroundTheClock(),
                    p.getCreatedAt(),
                    p.getUpdatedAt());
        }
    }

    record PolicyList(List<PolicyView> items) {}

    /** Working hours per weekday, Monday first, as intervals like {@code 09:00-17:00}; null for around the clock. */
    static Map<String, List<String>> hours(SlaPolicy p) {
        var week = p.hours();
        if (week == null) {
            return null;
        }
        var text = new LinkedHashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) {
            var intervals = week.get(day);
            if (intervals != null && !intervals.isEmpty()) {
                text.put(
                        day.name(),
                        intervals.stream().map(SlaPolicyViews::interval).toList());
            }
        }
        return text;
    }

    static String interval(BusinessHours h) {
        return h.start() + "-" + (h.endsAtMidnight() ? "24:00" : h.end().toString());
    }

    /** ISO-8601, in days when the duration is whole days ({@code P2D}, not {@code PT48H}); null for null. */
    static String iso(Duration d) {
        if (d == null) {
            return null;
        }
        return !d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    /** For people: "2 d", "1 h 30 min", "45 s", with no line break inside a number and its unit. */
    static String human(Duration d) {
        long seconds = d.toSeconds();
        var parts = new ArrayList<String>();
        if (seconds >= 86_400) {
            parts.add(seconds / 86_400 + "\u00a0d");
        }
        if (seconds % 86_400 >= 3600) {
            parts.add(seconds % 86_400 / 3600 + "\u00a0h");
        }
        if (seconds % 3600 >= 60) {
            parts.add(seconds % 3600 / 60 + "\u00a0min");
        }
        if (seconds % 60 != 0 || parts.isEmpty()) {
            parts.add(seconds % 60 + "\u00a0s");
        }
        return String.join(" ", parts);
    }
}
