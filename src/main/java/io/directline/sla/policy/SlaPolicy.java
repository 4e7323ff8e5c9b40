package io.directline.sla.policy;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import io.directline.sla.ClockKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Targets of working time for the cases it applies to: first response, next response (after each owner
 * message) and resolution, any of which may be absent, but not all. It applies to cases of its channel,
 * priority and owner tier, each of which may be null for "any"; the most specific active policy wins.
 * Working time is counted on its business calendar, or around the clock when it has no working hours.
 * Policies are retired, never deleted: clocks keep pointing at the policy that started them.
 */
@Entity
public class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
    @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private Tier tier;

    private Long firstResponseSeconds;
    private Long nextResponseSeconds;
    private Long resolutionSeconds;
    private String timeZone;
    private String workingHours;
    private String holidays;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected SlaPolicy() {}

    SlaPolicy(Definition definition, Instant now) {
        this.createdAt = now;
        apply(definition, now);
    }

    /**
     * Everything an administrator sets on a policy, already checked by {@link SlaPolicies}.
     *
     * @param hours working hours per weekday; null for around the clock
     */
    public record Definition(
            String name,
            Channel channel,
            Priority priority,
            Tier tier,
            Duration firstResponse,
            Duration nextResponse,
            Duration resolution,
            ZoneId zone,
            Map<DayOfWeek, List<BusinessHours>> hours,
            Set<LocalDate> holidays) {}

    void apply(Definition d, Instant now) {
        this.name = d.name().strip();
        this.channel = d.channel();
        this.priority = d.priority();
        this.tier = d.tier();
        this.firstResponseSeconds = seconds(d.firstResponse());
        this.nextResponseSeconds = seconds(d.nextResponse());
        this.resolutionSeconds = seconds(d.resolution());
        this.timeZone = d.zone().getId();
        this.workingHours = d.hours() == null ? null : formatHours(d.hours());
        this.holidays = d.holidays() == null || d.holidays().isEmpty()
                ? null
                : new TreeSet<>(d.holidays()).stream().map(LocalDate::toString).collect(Collectors.joining(","));
        this.updatedAt = now;
    }

    void retire(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    /** How many of channel, priority and tier this policy names: the more, the more specific. */
    int specificity() {
        return (channel != null ? 1 : 0) + (priority != null ? 1 : 0) + (tier != null ? 1 : 0);
    }

    boolean appliesTo(Channel channel, Priority priority, Tier tier) {
        return active
                && (this.channel == null || this.channel == channel)
                && (this.priority == null || this.priority == priority)
                && (this.tier == null || this.tier == tier);
    }

    /** The target for a kind of clock; null when this policy sets none. */
    public Duration target(ClockKind kind) {
        var seconds = switch (kind) {
            case FIRST_RESPONSE -> firstResponseSeconds;
            case NEXT_RESPONSE -> nextResponseSeconds;
            case RESOLUTION -> resolutionSeconds;
        };
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** The business calendar working time is counted on; never null. */
    public BusinessCalendar calendar() {
        var zone = ZoneId.of(timeZone);
        return workingHours == null
                ? BusinessCalendar.twentyFourSeven(zone)
                : BusinessCalendar.of(zone, hours(), holidayDates());
    }

    /** Working hours per weekday; null when the policy counts around the clock. */
    public Map<DayOfWeek, List<BusinessHours>> hours() {
        if (workingHours == null) {
            return null;
        }
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : workingHours.split(";")) {
            var parts = day.split("=", 2);
            var intervals = new ArrayList<BusinessHours>();
            for (var interval : parts[1].split(",")) {
                var times = interval.split("-", 2);
                intervals.add(BusinessHours.of(times[0], times[1]));
            }
            week.put(DayOfWeek.valueOf(parts[0]), List.copyOf(intervals));
        }
        return week;
    }

    /** Never null. */
    public Set<LocalDate> holidayDates() {
        if (holidays == null) {
            return Set.of();
        }
        return Arrays.stream(holidays.split(",")).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String formatHours(Map<DayOfWeek, List<BusinessHours>> hours) {
        var week = new EnumMap<DayOfWeek, List<BusinessHours>>(hours);
        return week.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "="
                        + e.getValue().stream()
                                .map(h -> h.start() + "-"
                                        + (h.endsAtMidnight()
                                                ? "24:00"
                                                : h.end().toString()))
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Channel getChannel() {
        return channel;
    }

    public Priority getPriority() {
        return priority;
    }

    public Tier getTier() {
        return tier;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    /** Whether working time runs around the clock (no working hours set). */
    public boolean isAroundTheClock() {
        return workingHours == null;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "SlaPolicy[" + id + " " + Objects.toString(name) + "]";
    }
}
