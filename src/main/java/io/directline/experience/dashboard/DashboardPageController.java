package io.directline.experience.dashboard;

import io.directline.web.BarChart;
import io.directline.web.ReportPeriod;
import io.directline.web.WeeklyChart;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The executive dashboard for supervisors, executives and administrators: every figure of a period as a chart, a
 * table beneath it and a CSV file of the same numbers.
 */
@Controller
class DashboardPageController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ExperienceDashboard dashboard;
    private final Clock clock;

    DashboardPageController(ExperienceDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/supervisor/dashboard")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var period = ReportPeriod.between(from, to, clock);
        var f = dashboard.figures(period);
        model.addAttribute("figures", f);
        model.addAttribute("fromDate", period.firstDay());
        model.addAttribute("toDate", period.lastDay());
        model.addAttribute("figureNames", DashboardCsv.FIGURES);
        model.addAttribute(
                "goDarkChart",
                weekly(
                        f.goDark(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.responseBreaches(),
                                w.brokenPromises(),
                                title(w.weekStart()) + w.responseBreaches() + " response breaches, "
                                        + w.brokenPromises() + " broken promises")));
        model.addAttribute(
                "slaChart",
                weekly(
                        f.sla(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.met(),
                                w.missed(),
                                title(w.weekStart()) + w.met() + " clocks met, " + w.missed() + " missed")));
        model.addAttribute(
                "escalationsChart",
                weekly(
                        f.escalations(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.ladderClimbs(),
                                w.executiveRequests(),
                                title(w.weekStart()) + w.ladderClimbs() + " ladder climbs, " + w.executiveRequests()
                                        + " executive requests")));
        model.addAttribute(
                "atRiskChart",
                BarChart.of(f.atRisk().bands().stream()
                        .map(b -> new BarChart.Item(
                                b.label(), b.owners(), "Value at risk " + b.label() + ": " + b.owners() + " owners"))
                        .toList()));
        model.addAttribute(
                "recoveryChart",
                weekly(
                        f.recovery().weeks(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.recovered(),
                                w.lapsed(),
                                title(w.weekStart()) + w.recovered() + " recovered, " + w.lapsed() + " lapsed, "
                                        + w.open() + " still open")));
        model.addAttribute(
                "csatChart",
                weekly(
                        f.surveys().weeks(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.satisfied(),
                                w.csatAnswers() - w.satisfied(),
                                title(w.weekStart()) + w.satisfied() + " of " + w.csatAnswers()
                                        + " CSAT answers 4 or 5")));
        model.addAttribute(
                "npsChart",
                weekly(
                        f.surveys().weeks(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.promoters(),
                                w.detractors(),
                                title(w.weekStart()) + w.promoters() + " promoters, " + w.passives() + " passives, "
                                        + w.detractors() + " detractors")));
        model.addAttribute(
                "delaysChart",
                weekly(
                        f.delaysTold(),
                        w -> new WeeklyChart.Week(
                                w.weekStart(),
                                w.toldBeforeAsking(),
                                w.hadToAsk(),
                                title(w.weekStart()) + w.toldBeforeAsking() + " told before asking, " + w.hadToAsk()
                                        + " had to ask")));
        model.addAttribute(
                "channelsChart",
                BarChart.of(f.channels().stream()
                        .map(c -> new BarChart.Item(c.label(), c.cases(), c.label() + ": " + c.cases() + " cases"))
                        .toList()));
        model.addAttribute(
                "balanceChart",
                BarChart.of(f.balance().buckets().stream()
                        .map(b -> new BarChart.Item(
                                b.label(), b.owners(), "Balance " + b.label() + ": " + b.owners() + " owners"))
                        .toList()));
        return "experience/dashboard";
    }

    /** One figure as a spreadsheet, downloaded as a file; the same period parameters as the screen. */
    @GetMapping({
        "/supervisor/dashboard/go-dark.csv",
        "/supervisor/dashboard/sla.csv",
        "/supervisor/dashboard/escalations.csv",
        "/supervisor/dashboard/at-risk.csv",
        "/supervisor/dashboard/recovery.csv",
        "/supervisor/dashboard/surveys.csv",
        "/supervisor/dashboard/delays-told.csv",
        "/supervisor/dashboard/channels.csv",
        "/supervisor/dashboard/balance-histogram.csv"
    })
    ResponseEntity<String> csv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        var period = ReportPeriod.between(from, to, clock);
        var path = request.getRequestURI();
        var figure = path.substring(path.lastIndexOf('/') + 1, path.length() - ".csv".length());
        var name = figure + "-" + period.firstDay() + "-to-" + period.lastDay() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(DashboardCsv.of(figure, dashboard.figures(period)));
    }

    private static <T> WeeklyChart weekly(List<T> weeks, Function<T, WeeklyChart.Week> week) {
        var list = new ArrayList<WeeklyChart.Week>();
        weeks.forEach(w -> list.add(week.apply(w)));
        return WeeklyChart.of(list);
    }

    private static String title(LocalDate weekStart) {
        return "Week of " + DATE.format(weekStart) + ": ";
    }
}
