package io.directline.escalation.report;

import io.directline.escalation.office.EscalationState;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the escalation figures, in portable SQL (H2 and PostgreSQL): each query counts, groups or
 * ranks in the database over an indexed time range ({@code escalation_attempt_at_idx},
 * {@code executive_escalation_requested_idx}), so no row of the period is loaded into memory.
 */
@Repository
class EscalationReportQueries {

    /** Seconds from the owner's request to the executive's first response, in both databases. */
    private static final String SECONDS_TO_FIRST_RESPONSE =
            "(extract(epoch from first_response_at) - extract(epoch from requested_at))";

    private static final String ATTEMPTS_IN = " from escalation_attempt where at >= :from and at < :to";
    private static final String ESCALATIONS_IN =
            " from executive_escalation where requested_at >= :from and requested_at < :to";

    /** The attempts of a period: how many, how many allowed, and the refusals by the rule that refused them. */
    record AttemptCounts(long total, long allowed, Map<String, Long> refusedByRule) {}

    /** The escalations made in a period, counted by what they came to. */
    record EscalationCounts(
            long made,
            long frivolous,
            long companyFailed,
            long refusedByOffice,
            long answeredOnTime,
            long late,
            Map<EscalationState, Long> byState) {}

    /** Seconds to the first response of the escalations answered; the percentiles are null when none were. */
    record ResponseTimes(long answered, Duration median, Duration p90, Duration average) {}

    private final EntityManager entityManager;

    EscalationReportQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    AttemptCounts attempts(Instant from, Instant to) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "select allowed, refused_by, count(*)" + ATTEMPTS_IN + " group by allowed, refused_by")
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        long total = 0;
        long allowed = 0;
        var byRule = new LinkedHashMap<String, Long>();
        for (var row : rows) {
            var columns = (Object[]) row;
            long count = number(columns[2]);
            total += count;
            if (Boolean.TRUE.equals(columns[0])) {
                allowed += count;
            } else {
                byRule.merge(columns[1] == null ? "unknown" : (String) columns[1], count, Long::sum);
            }
        }
        return new AttemptCounts(total, allowed, byRule);
    }

    EscalationCounts escalations(Instant from, Instant to) {
        var totals = (Object[]) entityManager
                .createNativeQuery("select count(*),"
                        + " sum(case when frivolous then 1 else 0 end),"
                        + " sum(case when company_failed then 1 else 0 end),"
                        + " sum(case when refused then 1 else 0 end),"
                        + " sum(case when first_response_at is not null and not first_response_late then 1 else 0 end),"
                        + " sum(case when first_response_late then 1 else 0 end)"
                        + ESCALATIONS_IN)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        List<?> states = entityManager
                .createNativeQuery("select state, count(*)" + ESCALATIONS_IN + " group by state")
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        var byState = new EnumMap<EscalationState, Long>(EscalationState.class);
        for (var state : EscalationState.values()) {
            byState.put(state, 0L);
        }
        for (var row : states) {
            var columns = (Object[]) row;
            byState.put(EscalationState.valueOf((String) columns[0]), number(columns[1]));
        }
        return new EscalationCounts(
                number(totals[0]),
                number(totals[1]),
                number(totals[2]),
                number(totals[3]),
                number(totals[4]),
                number(totals[5]),
                byState);
    }

    /** Median and 90th percentile by {@code percentile_cont}, which both databases compute as they aggregate. */
    ResponseTimes responseTimes(Instant from, Instant to) {
        var row = (Object[]) entityManager
                .createNativeQuery("select count(*),"
                        + " percentile_cont(0.5) within group (order by " + SECONDS_TO_FIRST_RESPONSE + "),"
                        + " percentile_cont(0.9) within group (order by " + SECONDS_TO_FIRST_RESPONSE + "),"
                        + " avg(" + SECONDS_TO_FIRST_RESPONSE + ")"
                        + ESCALATIONS_IN + " and first_response_at is not null")
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return new ResponseTimes(number(row[0]), seconds(row[1]), seconds(row[2]), seconds(row[3]));
    }

    private static long number(Object value) {
        // a sum over no rows is null
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
    }
}
