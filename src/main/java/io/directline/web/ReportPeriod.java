package io.directline.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The period a report counts, {@code [from, to)}, read from the request's parameters the same way by every report,
 * on its API and on its screen: either between two instants or dates ({@link #between}), or the last weeks up to
 * now ({@link #lastWeeks}). A parameter that cannot be read is a 400 problem ("Invalid request") naming it in a
 * {@code field} property, with a sentence saying what it must be.
 *
 * @param from the start of the period; never null
 * @param to the end of the period, exclusive; never null, after {@code from}
 * @param zone the zone in which the period's days and weeks start; never null
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone) {

    /** Without a start, a period ends {@code to} and starts this long before it. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(90);

    /** Three years, leap days included: the longest period of {@link #between}. */
    public static final Duration LONGEST = Duration.ofDays(3 * 366);

    /** The most weeks {@link #lastWeeks} counts. */
    public static final int MAX_WEEKS = 104;

    /** The OpenAPI tag every report's API carries, so that the reports are listed together. */
    public static final String API_TAG = "Reports";

    /** The description of {@link #API_TAG}. */
    public static final String API_TAG_DESCRIPTION = "Figures for supervisors, executives and administrators";

    /** The API's description of the {@code from} parameter of {@link #between}. */
    public static final String FROM_PARAMETER =
            "start of the period, an instant or a date (UTC); default 90 days before to";

    /** The API's description of the {@code to} parameter of {@link #between}. */
    public static final String TO_PARAMETER =
            "end of the period (exclusive), an instant or a date (UTC, the whole day); default now";

    /** The API's description of the {@code weeks} parameter of {@link #lastWeeks}. */
    public static final String WEEKS_PARAMETER = "how many weeks, the current one last (1 to " + MAX_WEEKS + ")";

    /** The API's description of the {@code zone} parameter of {@link #lastWeeks}. */
    public static final String ZONE_PARAMETER = "the time zone in which weeks start on Monday at 00:00";

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The period from {@code from} to {@code to}, in UTC: ISO instants ({@code 2026-11-01T00:00:00Z}) or dates, a
     * date {@code to} meaning the end of that day. Without {@code to}, now; without {@code from},
     * {@link #DEFAULT_LENGTH} before {@code to}. Throws a 400 problem naming the parameter when one cannot be read,
     * when {@code from} is not before {@code to}, or when the period is longer than three years.
     */
    public static ReportPeriod between(String from, String to, Clock clock) {
        var end = blank(to) ? clock.instant() : instant("to", to, true);
        var start = blank(from) ? end.minus(DEFAULT_LENGTH) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw invalid("from", "from (" + start + ") must be before to (" + end + ").");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw invalid("from", "from must be at most three years before to; ask for a shorter period.");
        }
        return new ReportPeriod(start, end, ZoneOffset.UTC);
    }

    /**
     * The last {@code weeks} weeks up to now, weeks starting on Monday at 00:00 in {@code zone}: from the Monday that
     * starts the earliest week to now, so the current week is the last one and is partial. Throws a 400 problem
     * naming {@code weeks} when it is not between 1 and {@value #MAX_WEEKS}, and one naming {@code zone} when that
     * is not a time zone id (such as {@code Europe/Berlin} or {@code UTC}).
     */
    public static ReportPeriod lastWeeks(int weeks, String zone, Clock clock) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw invalid("weeks", "weeks must be between 1 and " + MAX_WEEKS + ", not " + weeks + ".");
        }
        var zoneId = zoneOf(zone);
        var now = clock.instant();
        var thisMonday = LocalDate.ofInstant(now, zoneId).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var firstMonday = thisMonday.minusWeeks(weeks - 1);
        return new ReportPeriod(firstMonday.atStartOfDay(zoneId).toInstant(), now, zoneId);
    }

    /**
     * The Mondays that start the period's weeks, in its zone, the earliest first: one per week of a
     * {@link #lastWeeks} period.
     */
    public List<LocalDate> weekStarts() {
        var last = LocalDate.ofInstant(to, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var mondays = new ArrayList<LocalDate>();
        for (var monday = firstDay(); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        return List.copyOf(mondays);
    }

    /** The period's first day, in its zone, as a form shows it. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, zone);
    }

    /**
     * The period's last day, in its zone, as a form shows it: the period ends before {@code to}, so a period ending
     * at midnight ends with the day before.
     */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), zone);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant instant(String parameter, String text, boolean endOfDay) {
        var value = text.strip();
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException notAnInstant) {
            try {
                var day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeException notADate) {
                throw invalid(
                        parameter,
                        parameter + " must be an instant such as 2026-11-01T00:00:00Z or a date such as 2026-11-01,"
                                + " not '" + value + "'.");
            }
        }
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            throw invalid("zone", "zone must be a time zone id such as Europe/Berlin or UTC, not '" + zone + "'.");
        }
    }

    private static ErrorResponseException invalid(String field, String detail) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        body.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
    }
}
