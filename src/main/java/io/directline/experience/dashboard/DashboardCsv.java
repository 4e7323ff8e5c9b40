package io.directline.experience.dashboard;

import io.directline.experience.dashboard.ExperienceDashboard.Figures;
import java.util.List;
import java.util.function.Function;

/**
 * Each figure of the dashboard as a spreadsheet, the same numbers as its table: a header row, then one row per week
 * (or per bucket, band or channel), comma-separated, lines ending in CRLF; an unknown number is an empty cell.
 */
final class DashboardCsv {

    /** The figures, by the name in their file's path, in the order of the screen. */
    static final List<String> FIGURES = List.of(
            "go-dark",
            "sla",
            "escalations",
            "at-risk",
            "recovery",
            "surveys",
            "delays-told",
            "channels",
            "balance-histogram");

    private DashboardCsv() {}

    /** The figure's file; throws {@link IllegalArgumentException} for a name not in {@link #FIGURES}. */
    static String of(String figure, Figures f) {
        return switch (figure) {
            case "go-dark" ->
                rows(
                        "week_start,response_breaches,broken_promises,incidents",
                        f.goDark(),
                        w -> line(w.weekStart(), w.responseBreaches(), w.brokenPromises(), w.incidents()));
            case "sla" ->
                rows(
                        "week_start,clocks_met,clocks_missed,compliance_percent",
                        f.sla(),
                        w -> line(w.weekStart(), w.met(), w.missed(), w.compliancePercent()));
            case "escalations" ->
                rows(
                        "week_start,ladder_climbs,executive_requests,frivolous",
                        f.escalations(),
                        w -> line(w.weekStart(), w.ladderClimbs(), w.executiveRequests(), w.frivolous()));
            case "at-risk" ->
                rows(
                        "value_at_risk_band,from_usd,below_usd,owners_at_risk,value_at_risk_usd",
                        f.atRisk().bands(),
                        b -> line(
                                b.label(),
                                b.lowest(),
                                b.below(),
                                b.owners(),
                                b.valueAtRisk().toPlainString()));
            case "recovery" ->
                rows(
                        "week_start,started,recovered,lapsed,open",
                        f.recovery().weeks(),
                        w -> line(w.weekStart(), w.started(), w.recovered(), w.lapsed(), w.open()));
            case "surveys" ->
                rows(
                        "week_start,csat_answers,satisfied,csat_percent,nps_answers,promoters,passives,detractors,nps",
                        f.surveys().weeks(),
                        w -> line(
                                w.weekStart(),
                                w.csatAnswers(),
                                w.satisfied(),
                                w.csatPercent(),
                                w.npsAnswers(),
                                w.promoters(),
                                w.passives(),
                                w.detractors(),
                                w.nps()));
            case "delays-told" ->
                rows(
                        "week_start,told_before_asking,had_to_ask,told_percent",
                        f.delaysTold(),
                        w -> line(w.weekStart(), w.toldBeforeAsking(), w.hadToAsk(), w.toldPercent()));
            case "channels" -> channels(f);
            case "balance-histogram" ->
                rows(
                        "balance_bucket,lowest,highest,owners",
                        f.balance().buckets(),
                        b -> line(b.label(), b.lowest(), b.highest(), b.owners()));
            default -> throw new IllegalArgumentException("no figure " + figure);
        };
    }

    /** One row per week and channel. */
    private static String channels(Figures f) {
        var csv = new StringBuilder("week_start,channel,cases_opened\r\n");
        for (int i = 0; i < f.weekStarts().size(); i++) {
            for (var channel : f.channels()) {
                csv.append(line(
                        f.weekStarts().get(i),
                        channel.channel(),
                        channel.weeks().get(i)));
            }
        }
        return csv.toString();
    }

    private static <T> String rows(String header, List<T> items, Function<T, String> row) {
        var csv = new StringBuilder(header).append("\r\n");
        items.forEach(item -> csv.append(row.apply(item)));
        return csv.toString();
    }

    private static String line(Object... cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    /** Labels hold no comma or quote, but a cell is quoted all the same when one would. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
