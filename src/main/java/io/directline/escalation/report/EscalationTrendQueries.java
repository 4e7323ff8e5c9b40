package io.directline.escalation.report;

import io.directline.escalation.EscalationTrends;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link EscalationTrends} by conditional sums, one per interval, over the ranges of {@code case_escalation_at_idx}
 * and {@code executive_escalation_requested_idx}.
 */
@Service
@Transactional(readOnly = true)
class EscalationTrendQueries implements EscalationTrends {

    private final JdbcClient jdbc;

    EscalationTrendQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Escalations> perInterval(List<Instant> boundaries) {
        int intervals = boundaries.size() - 1;
        if (intervals < 1) {
            throw new IllegalArgumentException("need at least two boundaries, not " + boundaries.size());
        }
        long[] climbs = new long[intervals];
        long[] requests = new long[intervals];
        long[] frivolous = new long[intervals];
        var climbSql = new StringBuilder("select count(*) as n");
        var requestSql = new StringBuilder("select count(*) as n");
        for (int i = 0; i < intervals; i++) {
            climbSql.append(sum("at", i, "")).append(" as c").append(i);
            requestSql.append(sum("requested_at", i, "")).append(" as r").append(i);
            requestSql
                    .append(sum("requested_at", i, " and frivolous"))
                    .append(" as f")
                    .append(i);
        }
        climbSql.append(" from case_escalation where at >= :b0 and at < :b").append(intervals);
        requestSql
                .append(" from executive_escalation where requested_at >= :b0 and requested_at < :b")
                .append(intervals);
        bound(climbSql.toString(), boundaries).query(rs -> {
            for (int i = 0; i < intervals; i++) {
                climbs[i] = rs.getLong("c" + i);
            }
        });
        bound(requestSql.toString(), boundaries).query(rs -> {
            for (int i = 0; i < intervals; i++) {
                requests[i] = rs.getLong("r" + i);
                frivolous[i] = rs.getLong("f" + i);
            }
        });
        return IntStream.range(0, intervals)
                .mapToObj(i -> new Escalations(climbs[i], requests[i], frivolous[i]))
                .toList();
    }

    private static String sum(String column, int i, String condition) {
        return ", sum(case when " + column + " >= :b" + i + " and " + column + " < :b" + (i + 1) + condition
                + " then 1 else 0 end)";
    }

    private JdbcClient.StatementSpec bound(String sql, List<Instant> boundaries) {
        var query = jdbc.sql(sql);
        for (int i = 0; i < boundaries.size(); i++) {
            query = query.param("b" + i, boundaries.get(i).atOffset(ZoneOffset.UTC));
        }
        return query;
    }
}
