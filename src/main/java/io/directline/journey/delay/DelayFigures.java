package io.directline.journey.delay;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who heard of their delay before asking, counted by SQL aggregates over an indexed period: the cases about a delayed
 * order by the time they were opened (journey_delay_ask_at_idx), and the delay notices by the time they went.
 */
@Service
@Transactional(readOnly = true)
public class DelayFigures {

    /**
     * The figures of a period.
     *
     * @param toldBeforeAsking cases about a delayed order whose owner had been told first
     * @param hadToAsk cases about a delayed order whose owner had not been told
     * @param toldRate the share told before asking, 0 to 1; null when nobody asked
     * @param personalNotices personal delay notices that went to the outbox
     * @param coveredByBroadcast delays a broadcast told instead
     * @param byStage the same, per milestone asked about, most asks first
     */
    public record Figures(
            Instant from,
            Instant to,
            long toldBeforeAsking,
            long hadToAsk,
            Double toldRate,
            long personalNotices,
            long coveredByBroadcast,
            List<StageAsks> byStage) {}

    public record StageAsks(String milestone, String label, long toldBeforeAsking, long hadToAsk) {}

    /**
     * The asks of one week (from Monday 00:00 UTC, the first and last cut to the period).
     *
     * @param toldPercent the share told before asking, 0 to 100; null when nobody asked that week
     */
    public record WeekAsks(LocalDate weekStart, long toldBeforeAsking, long hadToAsk, Long toldPercent) {}

    private final NamedParameterJdbcTemplate jdbc;

    DelayFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The asks of each week of the period, the earliest first: one aggregate over the period's index range, a pair of
     * conditional sums per week.
     */
    public List<WeekAsks> weekly(Instant from, Instant to) {
        var firstMonday =
                LocalDate.ofInstant(from, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var mondays = new ArrayList<LocalDate>();
        var boundaries = new ArrayList<Instant>();
        for (var monday = firstMonday;
                monday.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
                monday = monday.plusWeeks(1)) {
            mondays.add(monday);
            var start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            boundaries.add(start.isBefore(from) ? from : start);
        }
        boundaries.add(to);
        var params =
                new MapSqlParameterSource().addValue("from", DelayRows.at(from)).addValue("to", DelayRows.at(to));
        var sums = new StringBuilder("select count(*) as n");
        for (int i = 0; i < mondays.size(); i++) {
            params.addValue("b" + i, DelayRows.at(boundaries.get(i)));
            var within = "asked_at >= :b" + i + " and asked_at < :b" + (i + 1);
            sums.append(", sum(case when ")
                    .append(within)
                    .append(" and told then 1 else 0 end) as t")
                    .append(i);
            sums.append(", sum(case when ")
                    .append(within)
                    .append(" and not told then 1 else 0 end) as a")
                    .append(i);
        }
        params.addValue("b" + mondays.size(), DelayRows.at(to));
        var weeks = new ArrayList<WeekAsks>();
        jdbc.query(sums + " from journey_delay_ask where asked_at >= :from and asked_at < :to", params, rs -> {
            for (int i = 0; i < mondays.size(); i++) {
                long told = rs.getLong("t" + i);
                long asked = rs.getLong("a" + i);
                long all = told + asked;
                weeks.add(new WeekAsks(mondays.get(i), told, asked, all == 0 ? null : Math.round(100.0 * told / all)));
            }
        });
        return weeks;
    }

    public Figures of(Instant from, Instant to) {
        var period =
                new MapSqlParameterSource().addValue("from", DelayRows.at(from)).addValue("to", DelayRows.at(to));
        var stages = new ArrayList<StageAsks>();
        long[] totals = new long[2];
        jdbc.query(
                "select milestone, sum(case when told then 1 else 0 end) as told,"
                        + " sum(case when told then 0 else 1 end) as asked from journey_delay_ask"
                        + " where asked_at >= :from and asked_at < :to group by milestone"
                        + " order by count(*) desc, milestone",
                period,
                rs -> {
                    var milestone = io.directline.journey.Milestone.valueOf(rs.getString("milestone"));
                    long told = rs.getLong("told");
                    long asked = rs.getLong("asked");
                    totals[0] += told;
                    totals[1] += asked;
                    stages.add(new StageAsks(milestone.name(), Stages.label(milestone), told, asked));
                });
        long[] notices = new long[2];
        jdbc.query(
                "select status, count(*) as n from journey_delay_notice where told_at >= :from and told_at < :to"
                        + " and status in ('SENT', 'COVERED') group by status",
                period,
                rs -> {
                    notices["SENT".equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n");
                });
        long all = totals[0] + totals[1];
        return new Figures(
                from,
                to,
                totals[0],
                totals[1],
                all == 0 ? null : (double) totals[0] / all,
                notices[0],
                notices[1],
                stages);
    }
}
