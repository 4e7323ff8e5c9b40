package io.directline.escalation.report;

import io.directline.escalation.office.EscalationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive-escalation figures of a period: the owners' requests and what the guard made of them, the
 * escalations made and what became of them, and how fast executives answered. The definitions:
 * <ul>
 *   <li>A <b>request</b> is an attempt the guard decided, counted at its {@code at}; an attempt on another owner's
 *       case is never recorded, so never counted. A refused one counts under the rule whose refusal the owner was
 *       shown.
 *   <li>An <b>escalation</b> counts in the period of its request ({@code requested_at}), whatever happened since;
 *       its outcome is where it stands now. Refused by the office is a closed escalation the executive office did
 *       not let through, so {@code CLOSED} in the outcomes counts only the others.
 *   <li>The <b>frivolous rate</b> is the escalations the office marked frivolous among those made.
 *   <li><b>Time to first response</b> runs from the owner's request (a wait for approval included: the owner waits
 *       all the same) to the executive's first answer or hand-back, over the escalations answered so far. A first
 *       response is <b>late</b> when it came after the executive's promised time, or has not come and that time
 *       has passed; the <b>within-target rate</b> is those answered in time among those answered or late.
 * </ul>
 * The period is {@code [from, to)}. Everything is counted in the database by indexed ranges, so a report costs
 * what its period holds, not the history.
 */
@Service
@Transactional(readOnly = true)
class EscalationReport {

    /** Each guard rule in plain words: why an owner was refused. */
    static final Map<String, String> RULE_LABELS = Map.of(
            "case-open", "The case was already resolved or closed",
            "one-open-per-case", "The case was already with the executive office",
            "fair-chance", "The case was too new: the team had not had its fair chance",
            "quota", "The owner had used up their escalations for now",
            "cooldown", "Too soon after the owner's last escalation",
            "reason-length", "The reason was too short",
            "pre-approval", "Held for the executive office's approval");

    /** The order outcomes are shown in, from still waiting to done. */
    static final List<String> OUTCOMES =
            List.of("PENDING_APPROVAL", "OPEN", "ANSWERED", "HANDED_BACK", "CLOSED", "REFUSED");

    private final EscalationReportQueries queries;

    EscalationReport(EscalationReportQueries queries) {
        this.queries = queries;
    }

    /** Refusals by one rule. */
    record Refusals(String rule, String label, long count) {}

    /** How many escalations of the period came to one outcome. */
    record OutcomeCount(String outcome, String label, long count) {}

    /**
     * How fast executives answered. The durations are null when no escalation of the period was answered; the
     * rate is null when none was answered or late.
     */
    record FirstResponse(
            long answered,
            Duration median,
            Duration p90,
            Duration average,
            long withinTarget,
            long late,
            Double withinTargetRate) {

        public String medianText() {
            return text(median);
        }

        public String p90Text() {
            return text(p90);
        }

        public String averageText() {
            return text(average);
        }
    }

    /** A duration as a person reads it: "2 d 4 h", "5 h 12 min", "40 min", "under a minute"; "–" for none. */
    static String text(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        if (days > 0) {
            return hours == 0 ? days + " d" : days + " d " + hours + " h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        }
        return minutes == 0 ? "under a minute" : minutes + " min";
    }

    /** The figures of a period. {@code frivolousRate} is null when no escalation was made. */
    record Figures(
            Instant from,
            Instant to,
            long requests,
            long allowed,
            long refused,
            List<Refusals> refusedByRule,
            long escalations,
            long awaitingApproval,
            long frivolous,
            Double frivolousRate,
            long companyFailed,
            long refusedByOffice,
            FirstResponse firstResponse,
            List<OutcomeCount> outcomes) {}

    /** The figures of the period {@code [from, to)}, as {@link io.directline.web.ReportPeriod#between} reads it. */
    Figures figures(Instant from, Instant to) {
        var attempts = queries.attempts(from, to);
        var made = queries.escalations(from, to);
        var times = queries.responseTimes(from, to);

        var refusals = new ArrayList<Refusals>();
        attempts.refusedByRule().forEach((rule, count) -> refusals.add(new Refusals(rule, label(rule), count)));
        refusals.sort(Comparator.comparingLong(Refusals::count).reversed().thenComparing(Refusals::rule));

        var outcomes = new ArrayList<OutcomeCount>();
        made.byState()
                .forEach((state, count) -> outcomes.add(new OutcomeCount(
                        state.name(),
                        capitalized(state.label()),
                        state == EscalationState.CLOSED ? count - made.refusedByOffice() : count)));
        outcomes.add(new OutcomeCount("REFUSED", "Refused by the executive office", made.refusedByOffice()));

        long decided = made.answeredOnTime() + made.late();
        var firstResponse = new FirstResponse(
                times.answered(),
                times.median(),
                times.p90(),
                times.average(),
                made.answeredOnTime(),
                made.late(),
                decided == 0 ? null : rate(made.answeredOnTime(), decided));
        long refused = attempts.total() - attempts.allowed();
        return new Figures(
                from,
                to,
                attempts.total(),
                attempts.allowed(),
                refused,
                List.copyOf(refusals),
                made.made(),
                made.byState().get(EscalationState.PENDING_APPROVAL),
                made.frivolous(),
                made.made() == 0 ? null : rate(made.frivolous(), made.made()),
                made.companyFailed(),
                made.refusedByOffice(),
                firstResponse,
                List.copyOf(outcomes));
    }

    static String label(String rule) {
        return RULE_LABELS.getOrDefault(rule, rule);
    }

    /** A share between 0 and 1, to four decimals. */
    private static double rate(long part, long whole) {
        return Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
