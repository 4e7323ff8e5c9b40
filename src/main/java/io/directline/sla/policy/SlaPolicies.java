package io.directline.sla.policy;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policies: which one applies to a case, and how administrators define and retire them. Slightly over 300
 * lines because defining a policy checks every target and the whole calendar, each with its own sentence for the
 * administrator; picking a policy is the small {@code pick} at the top.
 */
@Service
@Transactional(readOnly = true)
public class SlaPolicies {

    private static final int MAX_NAME = 100;
    private static final Duration MAX_TARGET = Duration.ofDays(365);
    private static final int MAX_INTERVALS_PER_DAY = 12;
    private static final int MAX_HOLIDAYS = 300;
    private static final Pattern INTERVAL = Pattern.compile("\\s*(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

    private final SlaPolicyRepository policies;
    private final Clock clock;
    private final Map<CalendarKey, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    SlaPolicies(SlaPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * The active policy for a case of this channel, priority and owner tier: the one naming the most of
     * them, the oldest among equals. Empty when no active policy applies.
     */
    public Optional<SlaPolicy> pick(Channel channel, Priority priority, Tier tier) {
        return mostSpecific(policies.findByActiveTrueOrderByIdAsc(), channel, priority, tier);
    }

    /** The rule of {@link #pick}, over the given policies; retired ones never apply. */
    static Optional<SlaPolicy> mostSpecific(
            Collection<SlaPolicy> candidates, Channel channel, Priority priority, Tier tier) {
        return candidates.stream()
                .filter(p -> p.appliesTo(channel, priority, tier))
                .max(Comparator.comparingInt(SlaPolicy::specificity)
                        .thenComparing(SlaPolicy::getId, Comparator.reverseOrder()));
    }

    /** Every policy, retired ones included, oldest first. */
    public List<SlaPolicy> all() {
        return policies.findAllByOrderByIdAsc();
    }

    /** A 404 problem for an unknown id. */
    public SlaPolicy get(long id) {
        return policies.findById(id).orElseThrow(() -> SlaProblems.policyNotFound(id));
    }

    /** The business calendar of a policy, parsed once per version of the policy. */
    public BusinessCalendar calendarOf(SlaPolicy policy) {
        return calendars.computeIfAbsent(new CalendarKey(policy.getId(), policy.getVersion()), k -> policy.calendar());
    }

    @Transactional
    public SlaPolicy define(SlaPolicy.Definition definition) {
        return policies.save(new SlaPolicy(definition, clock.instant()));
    }

    @Transactional
    SlaPolicy redefine(long id, SlaPolicy.Definition definition) {
        var policy = get(id);
        policy.apply(definition, clock.instant());
        return policy;
    }

    /** Checks what an administrator typed and stores it as a new policy; a 400 problem naming the field if wrong. */
    @Transactional
    SlaPolicy create(Draft draft) {
        return define(check(draft));
    }

    /** Checks what an administrator typed and replaces the policy with it; a 400 problem naming the field if wrong. */
    @Transactional
    SlaPolicy replace(long id, Draft draft) {
        var definition = check(draft);
        return redefine(id, definition);
    }

    /** Retires a policy: it is no longer picked, but stays readable. Retiring a retired policy changes nothing. */
    @Transactional
    public SlaPolicy retire(long id) {
        var policy = get(id);
        if (policy.isActive()) {
            policy.retire(clock.instant());
        }
        return policy;
    }

    /**
     * A policy as an administrator types it, on the screen or in the API, not yet checked: targets are ISO-8601
     * durations, working hours intervals such as {@code 09:00-17:00} per weekday name, holidays ISO dates.
     *
     * @param hours working hours per weekday ({@code MONDAY} to {@code SUNDAY}); null for around the clock
     */
    record Draft(
            String name,
            Channel channel,
            Priority priority,
            Tier tier,
            String firstResponse,
            String nextResponse,
            String resolution,
            String timeZone,
            Map<String, List<String>> hours,
            List<String> holidays) {}

    /** The definition a draft stands for, or a 400 problem whose sentence and {@code field} name what is wrong. */
    static SlaPolicy.Definition check(Draft draft) {
        var name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw SlaProblems.invalidField("name", "name must not be blank: give the policy a name staff recognise.");
        }
        if (name.length() > MAX_NAME) {
            throw SlaProblems.invalidField(
                    "name", "name must be at most " + MAX_NAME + " characters, not " + name.length() + ".");
        }
        var firstResponse = target("firstResponse", draft.firstResponse());
        var nextResponse = target("nextResponse", draft.nextResponse());
        var resolution = target("resolution", draft.resolution());
        if (firstResponse == null && nextResponse == null && resolution == null) {
            throw SlaProblems.invalidField(
                    "targets",
                    "targets must set at least one of firstResponse, nextResponse and resolution,"
                            + " as an ISO-8601 duration such as PT4H.");
        }
        var hours = draft.hours() == null ? null : hours(draft.hours());
        var zone = zone(draft.timeZone(), hours != null);
        var holidays = holidays(draft.holidays(), hours != null);
        return new SlaPolicy.Definition(
                name,
                draft.channel(),
                draft.priority(),
                draft.tier(),
                firstResponse,
                nextResponse,
                resolution,
                zone,
                hours,
                holidays);
    }

    private static Duration target(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var field = "targets." + name;
        Duration target;
        try {
            target = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw SlaProblems.invalidField(
                    field,
                    field + " must be an ISO-8601 duration such as PT30M, PT4H or P2D, not " + quote(text) + ".");
        }
        if (target.isNegative() || target.isZero()) {
            throw SlaProblems.invalidField(field, field + " must be longer than zero, not " + quote(text) + ".");
        }
        if (target.getNano() != 0) {
            throw SlaProblems.invalidField(field, field + " must be whole seconds, not " + quote(text) + ".");
        }
        if (target.compareTo(MAX_TARGET) > 0) {
            throw SlaProblems.invalidField(
                    field, field + " must be at most 365 days (P365D), not " + quote(text) + ".");
        }
        return target;
    }

    private static ZoneId zone(String text, boolean hasHours) {
        if (text == null || text.isBlank()) {
            if (hasHours) {
                throw SlaProblems.invalidField(
                        "calendar.timeZone",
                        "calendar.timeZone is needed to read the working hours in, for example Europe/Berlin.");
            }
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw SlaProblems.invalidField(
                    "calendar.timeZone",
                    "calendar.timeZone " + quote(text) + " is not a known time zone; use one such as Europe/Berlin"
                            + " or UTC.");
        }
    }

    private static Map<DayOfWeek, List<BusinessHours>> hours(Map<String, List<String>> text) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var entry : text.entrySet()) {
            var day = weekday(entry.getKey());
            var field = "calendar.hours." + day;
            var intervals = new ArrayList<BusinessHours>();
            for (var interval : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                intervals.add(interval(field, interval));
            }
            if (intervals.size() > MAX_INTERVALS_PER_DAY) {
                throw SlaProblems.invalidField(
                        field, field + " may have at most " + MAX_INTERVALS_PER_DAY + " intervals.");
            }
            if (intervals.isEmpty()) {
                continue;
            }
            try {
                BusinessCalendar.of(ZoneOffset.UTC, Map.of(day, intervals), Set.of());
            } catch (IllegalArgumentException e) {
                var reason = e.getMessage().startsWith(day + ": ")
                        ? e.getMessage().substring(day.toString().length() + 2)
                        : e.getMessage();
                throw SlaProblems.invalidField(field, field + ": " + reason + ".");
            }
            week.put(day, List.copyOf(intervals));
        }
        if (week.isEmpty()) {
            throw SlaProblems.invalidField(
                    "calendar.hours",
                    "calendar.hours gives no working time on any day; set hours on at least one weekday, or leave"
                            + " calendar.hours out to count around the clock.");
        }
        return week;
    }

    private static DayOfWeek weekday(String name) {
        try {
            return DayOfWeek.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SlaProblems.invalidField(
                    "calendar.hours",
                    "calendar.hours names " + quote(name) + ", which is no weekday; use MONDAY to SUNDAY.");
        }
    }

    private static BusinessHours interval(String field, String text) {
        var matcher = text == null ? null : INTERVAL.matcher(text);
        if (matcher != null && matcher.matches()) {
            try {
                return BusinessHours.of(matcher.group(1), matcher.group(2));
            } catch (DateTimeParseException e) {
                // an hour or minute out of range, as in 25:00; refused below like any other malformed interval
            }
        }
        throw SlaProblems.invalidField(
                field, field + ": " + quote(text) + " is not an interval of working hours like 09:00-17:00.");
    }

    private static Set<LocalDate> holidays(List<String> text, boolean hasHours) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        if (!hasHours) {
            throw SlaProblems.invalidField(
                    "calendar.holidays",
                    "calendar.holidays only count on a calendar with working hours; around the clock has no"
                            + " holidays.");
        }
        if (text.size() > MAX_HOLIDAYS) {
            throw SlaProblems.invalidField(
                    "calendar.holidays", "calendar.holidays may list at most " + MAX_HOLIDAYS + " dates.");
        }
        var dates = new TreeSet<LocalDate>();
        for (var date : text) {
            try {
                dates.add(LocalDate.parse(date == null ? "" : date.strip()));
            } catch (DateTimeParseException e) {
                throw SlaProblems.invalidField(
                        "calendar.holidays", "calendar.holidays: " + quote(date) + " is not a date like 2026-12-25.");
            }
        }
        return dates;
    }

    /** What was typed, in quotes and cut short, for a sentence about it. */
    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    private record CalendarKey(long id, long version) {}
}
