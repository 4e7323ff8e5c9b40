package io.directline.experience.dashboard;

import io.directline.cases.CaseVolumes;
import io.directline.customer.Channel;
import io.directline.escalation.EscalationTrends;
import io.directline.journey.DelayAskTrends;
import io.directline.sla.SlaTrends;
import io.directline.web.ReportPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive dashboard's figures over a period, per week from Monday 00:00 UTC (the first and last week cut to
 * the period). The definitions:
 * <ul>
 *   <li><b>Go-dark incidents</b>, <b>SLA compliance</b> (clocks stopped within their target or past it),
 *       <b>escalations</b> (ladder climbs and owners' executive requests), <b>told before asking</b> and <b>volume by
 *       channel</b> (cases opened) are counted by the modules that own them, through their APIs.
 *   <li><b>CSAT</b> is the share of CSAT answers of 4 or 5; <b>NPS</b> the percentage of promoters (9–10) minus that
 *       of detractors (0–6), both over the surveys answered in the week.
 *   <li>The <b>recovery rate</b> is the recoveries recovered among those recovered or lapsed, of the recoveries
 *       started in the period; those still open are shown beside it. The <b>later scores</b> compare the average
 *       score of the surveys answered after a recovery of the period ended (recovered owners) with every other
 *       survey answered in the period.
 *   <li><b>Owners at risk</b>, their <b>value at risk</b> and the <b>balance histogram</b> are where owners stand now,
 *       whatever the period: the standing is kept for now, not for every past day.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class ExperienceDashboard {

    /** The histogram's buckets of balance, in the order of the query's {@code case when}. */
    static final List<BalanceBucket> BALANCE_BUCKETS = List.of(
            new BalanceBucket("−24 or less", null, -24, 0),
            new BalanceBucket("−23 to −12", -23, -12, 0),
            new BalanceBucket("−11 to −1", -11, -1, 0),
            new BalanceBucket("0", 0, 0, 0),
            new BalanceBucket("1 to 5", 1, 5, 0),
            new BalanceBucket("6 to 11", 6, 11, 0),
            new BalanceBucket("12 or more", 12, null, 0));

    /** The bands of value at risk, in the order of the query's {@code case when}. */
    static final List<ValueBand> VALUE_BANDS = List.of(
            new ValueBand("under $10k", null, 10_000, 0, BigDecimal.ZERO),
            new ValueBand("$10k to $50k", 10_000, 50_000, 0, BigDecimal.ZERO),
            new ValueBand("$50k to $100k", 50_000, 100_000, 0, BigDecimal.ZERO),
            new ValueBand("$100k or more", 100_000, null, 0, BigDecimal.ZERO));

    record GoDarkWeek(LocalDate weekStart, long responseBreaches, long brokenPromises, long incidents) {}

    /** @param compliancePercent the clocks met among those stopped, 0 to 100; null when none stopped */
    record SlaWeek(LocalDate weekStart, long met, long missed, Long compliancePercent) {}

    record EscalationWeek(LocalDate weekStart, long ladderClimbs, long executiveRequests, long frivolous) {}

    /** @param lowest the band's lowest value at risk (null: none); {@code below} its end, exclusive (null: none) */
    record ValueBand(String label, Integer lowest, Integer below, long owners, BigDecimal valueAtRisk) {}

    /** Owners at risk now (balance below zero) and the lifetime value at stake, by band. */
    record AtRisk(long owners, BigDecimal valueAtRisk, List<ValueBand> bands) {}

    record RecoveryWeek(LocalDate weekStart, long started, long recovered, long lapsed, long open) {}

    /**
     * Later survey scores of one kind: answers after a recovery of the period ended, against all others.
     *
     * @param recoveredAverage null when no recovered owner answered; {@code othersAverage} likewise
     */
    record LaterScores(
            String kind, long recoveredAnswers, Double recoveredAverage, long otherAnswers, Double othersAverage) {}

    /** @param rate recovered ÷ (recovered + lapsed), 0 to 1; null when none has ended */
    record Recovery(
            long started,
            long recovered,
            long lapsed,
            long open,
            Double rate,
            List<RecoveryWeek> weeks,
            List<LaterScores> laterScores) {}

    /**
     * @param csatPercent satisfied ÷ CSAT answers, 0 to 100; null without answers
     * @param nps % promoters − % detractors, −100 to 100; null without NPS answers
     */
    record SurveyWeek(
            LocalDate weekStart,
            long csatAnswers,
            long satisfied,
            Long csatPercent,
            long npsAnswers,
            long promoters,
            long passives,
            long detractors,
            Long nps) {}

    /** The weeks, and the period as a whole in {@code total} (its {@code weekStart} the period's first day). */
    record Surveys(SurveyWeek total, List<SurveyWeek> weeks) {}

    /** @param toldPercent told ÷ all who asked, 0 to 100; null when nobody asked */
    record DelayWeek(LocalDate weekStart, long toldBeforeAsking, long hadToAsk, Long toldPercent) {}

    /** The cases opened on one channel: in the period, and per week. */
    record ChannelVolume(String channel, String label, long cases, List<Long> weeks) {}

    /**
     * Owners whose balance is in one bucket.
     *
     * @param lowest the bucket's lowest balance, null for none; {@code highest} its highest, null for none
     */
    record BalanceBucket(String label, Integer lowest, Integer highest, long owners) {}

    /** @param average the average balance of all owners, null when none has a standing */
    record BalanceHistogram(long owners, Double average, List<BalanceBucket> buckets) {}

    /** All the figures of a period; {@code weekStarts} are the Mondays the weekly lists follow. */
    record Figures(
            Instant from,
            Instant to,
            List<LocalDate> weekStarts,
            List<GoDarkWeek> goDark,
            List<SlaWeek> sla,
            List<EscalationWeek> escalations,
            AtRisk atRisk,
            Recovery recovery,
            Surveys surveys,
            List<DelayWeek> delaysTold,
            List<ChannelVolume> channels,
            BalanceHistogram balance) {}

    private final DashboardQueries queries;
    private final SlaTrends sla;
    private final EscalationTrends escalations;
    private final DelayAskTrends delays;
    private final CaseVolumes volumes;

    ExperienceDashboard(
            DashboardQueries queries,
            SlaTrends sla,
            EscalationTrends escalations,
            DelayAskTrends delays,
            CaseVolumes volumes) {
        this.queries = queries;
        this.sla = sla;
        this.escalations = escalations;
        this.delays = delays;
        this.volumes = volumes;
    }

    Figures figures(ReportPeriod period) {
        var weeks = DashboardWeeks.of(period);
        var mondays = weeks.mondays();
        var boundaries = weeks.boundaries();

        var goDark = new ArrayList<GoDarkWeek>();
        var incidents = sla.goDark(boundaries);
        var compliance = sla.compliance(boundaries);
        var slaWeeks = new ArrayList<SlaWeek>();
        var climbs = escalations.perInterval(boundaries);
        var escalationWeeks = new ArrayList<EscalationWeek>();
        for (int i = 0; i < weeks.size(); i++) {
            var g = incidents.get(i);
            goDark.add(new GoDarkWeek(
                    mondays.get(i),
                    g.responseBreaches(),
                    g.brokenPromises(),
                    g.responseBreaches() + g.brokenPromises()));
            var c = compliance.get(i);
            slaWeeks.add(new SlaWeek(mondays.get(i), c.met(), c.missed(), percent(c.met(), c.met() + c.missed())));
            var e = climbs.get(i);
            escalationWeeks.add(
                    new EscalationWeek(mondays.get(i), e.ladderClimbs(), e.executiveRequests(), e.frivolous()));
        }
        var delayWeeks = delays.weekly(period.from(), period.to()).stream()
                .map(d -> new DelayWeek(
                        d.weekStart(),
                        d.toldBeforeAsking(),
                        d.hadToAsk(),
                        percent(d.toldBeforeAsking(), d.toldBeforeAsking() + d.hadToAsk())))
                .toList();
        var surveyCounts = queries.surveys(boundaries);
        var standings = queries.standings();
        var channels = new ArrayList<ChannelVolume>();
        volumes.openedByChannel(boundaries)
                .forEach((channel, counts) -> channels.add(new ChannelVolume(
                        channel.name(),
                        label(channel),
                        counts.stream().mapToLong(Long::longValue).sum(),
                        counts)));
        return new Figures(
                period.from(),
                period.to(),
                mondays,
                List.copyOf(goDark),
                List.copyOf(slaWeeks),
                List.copyOf(escalationWeeks),
                atRisk(standings),
                recovery(period, weeks, surveyCounts),
                surveys(period, weeks, surveyCounts),
                delayWeeks,
                List.copyOf(channels),
                balance(standings));
    }

    private AtRisk atRisk(List<DashboardQueries.Standings> standings) {
        long[] owners = new long[VALUE_BANDS.size()];
        var values = new BigDecimal[VALUE_BANDS.size()];
        Arrays.fill(values, BigDecimal.ZERO);
        for (var group : standings) {
            if (group.band() >= 0) {
                owners[group.band()] += group.owners();
                if (group.valueAtRisk() != null) {
                    values[group.band()] = values[group.band()].add(group.valueAtRisk());
                }
            }
        }
        var bands = new ArrayList<ValueBand>();
        long all = 0;
        var value = BigDecimal.ZERO;
        for (int i = 0; i < VALUE_BANDS.size(); i++) {
            var shape = VALUE_BANDS.get(i);
            bands.add(new ValueBand(
                    shape.label(),
                    shape.lowest(),
                    shape.below(),
                    owners[i],
                    values[i].setScale(2, RoundingMode.HALF_UP)));
            all += owners[i];
            value = value.add(values[i]);
        }
        return new AtRisk(all, value.setScale(2, RoundingMode.HALF_UP), List.copyOf(bands));
    }

    private Recovery recovery(ReportPeriod period, DashboardWeeks weeks, DashboardQueries.SurveyCounts[] surveys) {
        var counts = queries.recoveries(weeks.boundaries());
        var list = new ArrayList<RecoveryWeek>();
        long started = 0;
        long recovered = 0;
        long lapsed = 0;
        long open = 0;
        for (int i = 0; i < weeks.size(); i++) {
            var c = counts[i];
            list.add(new RecoveryWeek(weeks.mondays().get(i), c.started(), c.recovered(), c.lapsed(), c.open()));
            started += c.started();
            recovered += c.recovered();
            lapsed += c.lapsed();
            open += c.open();
        }
        var recoveredScores = queries.recoveredScores(period.from(), period.to());
        var later = new ArrayList<LaterScores>();
        for (var kind : List.of("CSAT", "NPS")) {
            boolean csat = kind.equals("CSAT");
            long answers = 0;
            long scores = 0;
            for (var week : surveys) {
                answers += csat ? week.csat() : week.nps();
                scores += csat ? week.csatScores() : week.npsScores();
            }
            var back = recoveredScores.stream()
                    .filter(s -> s.kind().equals(kind))
                    .findFirst()
                    .orElse(new DashboardQueries.Scores(kind, 0, 0));
            long others = answers - back.answers();
            later.add(new LaterScores(
                    kind,
                    back.answers(),
                    back.answers() == 0 ? null : tenth((double) back.scores() / back.answers()),
                    others,
                    others == 0 ? null : tenth((double) (scores - back.scores()) / others)));
        }
        long ended = recovered + lapsed;
        return new Recovery(
                started,
                recovered,
                lapsed,
                open,
                ended == 0 ? null : Math.round(10_000.0 * recovered / ended) / 10_000.0,
                List.copyOf(list),
                List.copyOf(later));
    }

    private Surveys surveys(ReportPeriod period, DashboardWeeks weeks, DashboardQueries.SurveyCounts[] counts) {
        var list = new ArrayList<SurveyWeek>();
        long[] sums = new long[5];
        for (int i = 0; i < weeks.size(); i++) {
            var c = counts[i];
            list.add(week(weeks.mondays().get(i), c.csat(), c.satisfied(), c.nps(), c.promoters(), c.detractors()));
            sums[0] += c.csat();
            sums[1] += c.satisfied();
            sums[2] += c.nps();
            sums[3] += c.promoters();
            sums[4] += c.detractors();
        }
        return new Surveys(week(period.firstDay(), sums[0], sums[1], sums[2], sums[3], sums[4]), List.copyOf(list));
    }

    private static SurveyWeek week(
            LocalDate start, long csat, long satisfied, long nps, long promoters, long detractors) {
        return new SurveyWeek(
                start,
                csat,
                satisfied,
                percent(satisfied, csat),
                nps,
                promoters,
                nps - promoters - detractors,
                detractors,
                nps == 0 ? null : Math.round(100.0 * (promoters - detractors) / nps));
    }

    private BalanceHistogram balance(List<DashboardQueries.Standings> standings) {
        long[] counts = new long[BALANCE_BUCKETS.size()];
        long owners = 0;
        long balances = 0;
        for (var group : standings) {
            counts[group.bucket()] += group.owners();
            owners += group.owners();
            balances += group.balances();
        }
        var buckets = new ArrayList<BalanceBucket>();
        for (int i = 0; i < counts.length; i++) {
            var shape = BALANCE_BUCKETS.get(i);
            buckets.add(new BalanceBucket(shape.label(), shape.lowest(), shape.highest(), counts[i]));
        }
        return new BalanceHistogram(
                owners, owners == 0 ? null : tenth((double) balances / owners), List.copyOf(buckets));
    }

    static String label(Channel channel) {
        return switch (channel) {
            case PORTAL -> "Portal";
            case EMAIL -> "E-mail";
            case SMS -> "SMS";
            case PHONE -> "Phone";
            case X -> "X";
            case MASTODON -> "Mastodon";
            default -> channel.name();
        };
    }

    private static Long percent(long part, long whole) {
        return whole == 0 ? null : Math.round(100.0 * part / whole);
    }

    private static Double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
