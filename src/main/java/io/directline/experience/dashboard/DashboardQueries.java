package io.directline.experience.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the experience's own figures, in portable SQL (H2 and PostgreSQL): per-week counts are
 * conditional sums, one per week, over the period's range of an index ({@code survey_answered_score_idx},
 * {@code recovery_started_idx}); the owners' standings are grouped over {@code owner_standing_at_risk_idx} and
 * {@code owner_standing_balance_idx}. No row is loaded into memory.
 */
@Repository
class DashboardQueries {

    /** Per week: CSAT answers and the satisfied (4–5); NPS answers, promoters (9–10) and detractors (0–6). */
    record SurveyCounts(long csat, long satisfied, long nps, long promoters, long detractors) {}

    /** Per week: recoveries started, and what they came to. */
    record RecoveryCounts(long started, long recovered, long lapsed, long open) {}

    /** Answers of one kind and their average score, among owners recovered in the period or the others. */
    record Scores(String kind, boolean recovered, long answers, Double average) {}

    /** Owners at risk whose value at risk is in one band, and its sum. */
    record Band(int band, long owners, BigDecimal valueAtRisk) {}

    /** Owners whose balance is in one bucket. */
    record Bucket(int bucket, long owners) {}

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SurveyCounts[] surveys(List<Instant> boundaries) {
        int weeks = boundaries.size() - 1;
        var sql = new StringBuilder("select count(*) as n");
        for (int i = 0; i < weeks; i++) {
            var within = "answered_at >= :b" + i + " and answered_at < :b" + (i + 1);
            sql.append(sum(within + " and kind = 'CSAT'", "c" + i));
            sql.append(sum(within + " and kind = 'CSAT' and score >= 4", "s" + i));
            sql.append(sum(within + " and kind = 'NPS'", "n" + i));
            sql.append(sum(within + " and kind = 'NPS' and score >= 9", "p" + i));
            sql.append(sum(within + " and kind = 'NPS' and score <= 6", "d" + i));
        }
        sql.append(" from survey where answered_at >= :b0 and answered_at < :b")
                .append(weeks)
                .append(" and score is not null");
        var counts = new SurveyCounts[weeks];
        bound(sql.toString(), boundaries).query(rs -> {
            for (int i = 0; i < weeks; i++) {
                counts[i] = new SurveyCounts(
                        rs.getLong("c" + i),
                        rs.getLong("s" + i),
                        rs.getLong("n" + i),
                        rs.getLong("p" + i),
                        rs.getLong("d" + i));
            }
        });
        return counts;
    }

    RecoveryCounts[] recoveries(List<Instant> boundaries) {
        int weeks = boundaries.size() - 1;
        var sql = new StringBuilder("select count(*) as n");
        for (int i = 0; i < weeks; i++) {
            var within = "started_at >= :b" + i + " and started_at < :b" + (i + 1);
            sql.append(sum(within, "a" + i));
            sql.append(sum(within + " and status = 'RECOVERED'", "r" + i));
            sql.append(sum(within + " and status = 'LAPSED'", "l" + i));
            sql.append(sum(within + " and status = 'OPEN'", "o" + i));
        }
        sql.append(" from recovery where started_at >= :b0 and started_at < :b").append(weeks);
        var counts = new RecoveryCounts[weeks];
        bound(sql.toString(), boundaries).query(rs -> {
            for (int i = 0; i < weeks; i++) {
                counts[i] = new RecoveryCounts(
                        rs.getLong("a" + i), rs.getLong("r" + i), rs.getLong("l" + i), rs.getLong("o" + i));
            }
        });
        return counts;
    }

    /**
     * The surveys answered in the period, by kind, split between owners recovered by a recovery started in the period
     * who answered after it ended, and every other answer of the period.
     */
    List<Scores> laterScores(Instant from, Instant to) {
        return jdbc.sql("select kind, recovered, count(*) as answers, avg(score) as average from ("
                        + " select s.kind, cast(s.score as double precision) as score,"
                        + " case when exists (select 1 from recovery r where r.customer_id = s.customer_id"
                        + " and r.status = 'RECOVERED' and r.started_at >= :from and r.started_at < :to"
                        + " and r.ended_at <= s.answered_at) then 1 else 0 end as recovered"
                        + " from survey s where s.answered_at >= :from and s.answered_at < :to"
                        + " and s.score is not null) answered"
                        + " group by kind, recovered order by kind, recovered desc")
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Scores(
                        rs.getString("kind"),
                        rs.getInt("recovered") == 1,
                        rs.getLong("answers"),
                        rs.getObject("average") == null ? null : rs.getDouble("average")))
                .list();
    }

    /** Owners at risk now by band of value at risk: under 10,000, to 50,000, to 100,000, and over. */
    List<Band> atRiskBands() {
        return jdbc.sql("select band, count(*) as owners, sum(value_at_risk) as value_at_risk from ("
                        + " select case when value_at_risk < 10000 then 0 when value_at_risk < 50000 then 1"
                        + " when value_at_risk < 100000 then 2 else 3 end as band, value_at_risk"
                        + " from owner_standing where at_risk = true) at_risk group by band order by band")
                .query((rs, n) -> new Band(rs.getInt("band"), rs.getLong("owners"), rs.getBigDecimal("value_at_risk")))
                .list();
    }

    /** Every owner's balance now, by bucket: one {@code case when} and one group by. */
    List<Bucket> balanceBuckets() {
        return jdbc.sql("select bucket, count(*) as owners from ("
                        + " select case when balance <= -24 then 0 when balance <= -12 then 1 when balance < 0 then 2"
                        + " when balance = 0 then 3 when balance <= 5 then 4 when balance <= 11 then 5 else 6 end"
                        + " as bucket from owner_standing) standing group by bucket order by bucket")
                .query((rs, n) -> new Bucket(rs.getInt("bucket"), rs.getLong("owners")))
                .list();
    }

    /** How many owners have a standing, and the sum of their balances. */
    long[] ownersAndBalanceSum() {
        return jdbc.sql("select count(*) as owners, sum(balance) as balances from owner_standing")
                .query((rs, n) -> new long[] {rs.getLong("owners"), rs.getLong("balances")})
                .single();
    }

    private static String sum(String condition, String alias) {
        return ", sum(case when " + condition + " then 1 else 0 end) as " + alias;
    }

    private JdbcClient.StatementSpec bound(String sql, List<Instant> boundaries) {
        var query = jdbc.sql(sql);
        for (int i = 0; i < boundaries.size(); i++) {
            query = query.param("b" + i, boundaries.get(i).atOffset(ZoneOffset.UTC));
        }
        return query;
    }
}
