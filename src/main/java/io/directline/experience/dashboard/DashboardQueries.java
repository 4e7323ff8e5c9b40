package io.directline.experience.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the experience's own figures, in portable SQL (H2 and PostgreSQL): per-week counts are
 * grouped by the week's index, found by one {@code case when} over the weeks' boundaries, over the period's range of
 * an index ({@code survey_answered_score_idx}, {@code recovery_started_idx}); the owners' standings are grouped in one scan. No row is loaded into
 * memory.
 */
@Repository
class DashboardQueries {

    /**
     * Per week: CSAT answers, the satisfied (4–5) and the sum of their scores; NPS answers, promoters (9–10),
     * detractors (0–6) and the sum of their scores.
     */
    record SurveyCounts(
            long csat, long satisfied, long csatScores, long nps, long promoters, long detractors, long npsScores) {}

    /** Per week: recoveries started, and what they came to. */
    record RecoveryCounts(long started, long recovered, long lapsed, long open) {}

    /** Answers of one kind and the sum of their scores. */
    record Scores(String kind, long answers, long scores) {}

    /**
     * Owners whose balance is in one bucket and, when at risk, whose value at risk is in one band: how many, the sum
     * of their balances and of their value at risk.
     *
     * @param band the band of value at risk, −1 for owners not at risk
     */
    record Standings(int bucket, int band, long owners, long balances, BigDecimal valueAtRisk) {}

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SurveyCounts[] surveys(List<Instant> boundaries) {
        int weeks = boundaries.size() - 1;
        long[][] sums = new long[weeks][7];
        bound(
                        "select week, kind, score, count(*) as n from (select " + week("answered_at", weeks)
                                + " as week, kind, score from survey where answered_at >= :b0 and answered_at < :b"
                                + weeks + " and score is not null) answered group by week, kind, score",
                        boundaries)
                .query(rs -> {
                    var sum = sums[rs.getInt("week")];
                    int score = rs.getInt("score");
                    long n = rs.getLong("n");
                    if ("CSAT".equals(rs.getString("kind"))) {
                        sum[0] += n;
                        sum[1] += score >= 4 ? n : 0;
                        sum[2] += score * n;
                    } else {
                        sum[3] += n;
                        sum[4] += score >= 9 ? n : 0;
                        sum[5] += score <= 6 ? n : 0;
                        sum[6] += score * n;
                    }
                });
        var counts = new SurveyCounts[weeks];
        for (int i = 0; i < weeks; i++) {
            var sum = sums[i];
            counts[i] = new SurveyCounts(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
        }
        return counts;
    }

    RecoveryCounts[] recoveries(List<Instant> boundaries) {
        int weeks = boundaries.size() - 1;
        long[][] sums = new long[weeks][4];
        bound(
                        "select week, status, count(*) as n from (select " + week("started_at", weeks)
                                + " as week, status from recovery where started_at >= :b0 and started_at < :b"
                                + weeks + ") started group by week, status",
                        boundaries)
                .query(rs -> {
                    var sum = sums[rs.getInt("week")];
                    long n = rs.getLong("n");
                    sum[0] += n;
                    switch (rs.getString("status")) {
                        case "RECOVERED" -> sum[1] += n;
                        case "LAPSED" -> sum[2] += n;
                        default -> sum[3] += n;
                    }
                });
        var counts = new RecoveryCounts[weeks];
        for (int i = 0; i < weeks; i++) {
            var sum = sums[i];
            counts[i] = new RecoveryCounts(sum[0], sum[1], sum[2], sum[3]);
        }
        return counts;
    }

    /**
     * The surveys answered in the period, by kind, by owners whose recovery started in the period ended
     * ({@code RECOVERED}) before they answered: a join of the recovered owners (by {@code recovery_started_idx}) with
     * the period's answers (by {@code survey_answered_score_idx}), one aggregate per kind.
     */
    List<Scores> recoveredScores(Instant from, Instant to) {
        return jdbc.sql("select s.kind, count(*) as answers, sum(s.score) as scores from survey s join ("
                        + " select customer_id, min(ended_at) as ended_at from recovery"
                        + " where started_at >= :from and started_at < :to and status = 'RECOVERED'"
                        + " group by customer_id) r on r.customer_id = s.customer_id and s.answered_at >= r.ended_at"
                        + " where s.answered_at >= :from and s.answered_at < :to and s.score is not null"
                        + " group by s.kind order by s.kind")
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Scores(rs.getString("kind"), rs.getLong("answers"), rs.getLong("scores")))
                .list();
    }

    /**
     * Every owner's standing now, in one scan of owner_standing grouped by two {@code case when}: the bucket of the
     * balance (−24 or less, −23 to −12, −11 to −1, 0, 1 to 5, 6 to 11, 12 or more) and, for an owner at risk, the band
     * of value at risk (under 10,000, to 50,000, to 100,000, and over).
     */
    List<Standings> standings() {
        return jdbc.sql("select bucket, band, count(*) as owners, sum(balance) as balances,"
                        + " sum(value_at_risk) as value_at_risk from ("
                        + " select case when balance <= -24 then 0 when balance <= -12 then 1 when balance < 0 then 2"
                        + " when balance = 0 then 3 when balance <= 5 then 4 when balance <= 11 then 5 else 6 end"
                        + " as bucket, case when not at_risk then -1 when value_at_risk < 10000 then 0"
                        + " when value_at_risk < 50000 then 1 when value_at_risk < 100000 then 2 else 3 end as band,"
                        + " balance, value_at_risk from owner_standing) standing"
                        + " group by bucket, band order by bucket, band")
                .query((rs, n) -> new Standings(
                        rs.getInt("bucket"),
                        rs.getInt("band"),
                        rs.getLong("owners"),
                        rs.getLong("balances"),
                        rs.getBigDecimal("value_at_risk")))
                .list();
    }

    /**
     * The week of {@code column} as its index among the boundaries: one {@code case when} whose branches test the
     * boundaries in order, so a row costs a few comparisons however many weeks the period has.
     */
    private static String week(String column, int weeks) {
        var week = new StringBuilder("case");
        for (int i = 1; i < weeks; i++) {
            week.append(" when ")
                    .append(column)
                    .append(" < :b")
                    .append(i)
                    .append(" then ")
                    .append(i - 1);
        }
        return week.append(" else ").append(weeks - 1).append(" end").toString();
    }

    private JdbcClient.StatementSpec bound(String sql, List<Instant> boundaries) {
        var query = jdbc.sql(sql);
        for (int i = 0; i < boundaries.size(); i++) {
            query = query.param("b" + i, boundaries.get(i).atOffset(ZoneOffset.UTC));
        }
        return query;
    }
}
