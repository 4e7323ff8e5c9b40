package io.directline.sla.godark;

import io.directline.cases.SupportCase;
import io.directline.web.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-dark figures: how often owners were left in the dark, who is in the dark right now, and how
 * promises fared. The definitions:
 * <ul>
 *   <li>A <b>go-dark incident</b> is a response clock (first or next response; not resolution, which
 *       times the whole case rather than an owner waiting for an answer) whose breach is recorded, counted
 *       in the week of its {@code breached_at}; or a broken promise, counted in the week of its
 *       {@code broken_at}. A breach the watchdog records late still counts in the week the target ran out.
 *   <li>Weeks are ISO weeks, from Monday 00:00 in the report's zone (UTC unless asked otherwise). The
 *       period runs from the Monday that starts the earliest week up to and including now, so the
 *       current week is the last one and is partial. Every week of the period is listed, empty ones too.
 *   <li>A case is <b>silent now</b> when it has a running response clock whose breach is recorded at or
 *       before now: the owner wrote and still waits past the target. A paused clock (the case waits on
 *       the owner, or is resolved) is not silence. The silence lasts from the clock's {@code started_at},
 *       when the owner wrote, to now; the <b>longest silence</b> is the case silent the longest.
 *   <li><b>Promises</b>: those kept and those broken within the period, and those open now (made by now,
 *       neither kept nor broken yet).
 * </ul>
 * Everything is counted in the database by indexed ranges, and at most {@link #SILENT_CASES_SHOWN}
 * silent cases are read, so the report costs what its period holds, not the history.
 */
@Service
@Transactional(readOnly = true)
class GoDarkReport {

    static final int DEFAULT_WEEKS = 12;
    static final int SILENT_CASES_SHOWN = 20;

    private final GoDarkQueries queries;

    GoDarkReport(GoDarkQueries queries) {
        this.queries = queries;
    }

    /** The incidents of one week. */
    record Week(LocalDate weekStart, long responseBreaches, long brokenPromises, long incidents) {

        Week(LocalDate weekStart, long responseBreaches, long brokenPromises) {
            this(weekStart, responseBreaches, brokenPromises, responseBreaches + brokenPromises);
        }
    }

    /** A case whose owner has waited past the target since {@code since}, for {@code silentFor} so far. */
    record Silence(long caseId, String reference, Instant since, Duration silentFor) {

        /** The silence as a person reads it: "9 d 4 h", "5 h 12 min", "40 min". */
        public String silentForText() {
            long days = silentFor.toDays();
            int hours = silentFor.toHoursPart();
            int minutes = silentFor.toMinutesPart();
            if (days > 0) {
                return hours == 0 ? days + " d" : days + " d " + hours + " h";
            }
            if (hours > 0) {
                return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
            }
            return Math.max(minutes, 1) + " min";
        }
    }

    /** Promises kept and broken within the period, and open now. */
    record PromiseCounts(long kept, long broken, long open) {}

    /**
     * The figures of a period.
     *
     * @param longestSilence the first of {@code silentCases}; null when no case is silent
     */
    record Figures(
            Instant from,
            Instant to,
            ZoneId zone,
            List<Week> weeks,
            long silentNow,
            List<Silence> silentCases,
            Silence longestSilence,
            PromiseCounts promises) {}

    /**
     * The figures of a {@link ReportPeriod#lastWeeks} period: its weeks, from Monday in its zone, up to its end, which
     * is now.
     */
    Figures figures(ReportPeriod period) {
        var zoneId = period.zone();
        var now = period.to();
        var mondays = period.weekStarts();
        int weeks = mondays.size();
        var boundaries = new ArrayList<Instant>();
        mondays.forEach(monday -> boundaries.add(monday.atStartOfDay(zoneId).toInstant()));
        boundaries.add(now);

        var breaches = queries.responseBreaches(boundaries);
        var broken = queries.brokenPromises(boundaries);
        var weekly = IntStream.range(0, weeks)
                .mapToObj(i -> new Week(mondays.get(i), breaches[i], broken[i]))
                .toList();

        var from = boundaries.get(0);
        var silent = queries.longestSilent(now, SILENT_CASES_SHOWN).stream()
                .map(s -> new Silence(
                        s.caseId(),
                        SupportCase.reference(s.caseId()),
                        s.since(),
                        Duration.between(s.since(), now).truncatedTo(ChronoUnit.SECONDS)))
                .toList();
        var promises = new PromiseCounts(
                queries.keptPromises(from, now), Arrays.stream(broken).sum(), queries.openPromises(now));
        return new Figures(
                from,
                now,
                zoneId,
                weekly,
                silent.isEmpty() ? 0 : queries.silentCases(now),
                silent,
                silent.isEmpty() ? null : silent.get(0),
                promises);
    }
}
