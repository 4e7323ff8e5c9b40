package io.directline.journey.delay;

import io.directline.web.ReportPeriod;
import io.directline.web.WeeklyChart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delay figures for supervisors, executives and administrators, per week as a chart, a table and a CSV file. */
@Controller
class DelayReportPageController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final DelayFigures figures;
    private final Clock clock;

    DelayReportPageController(DelayFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/supervisor/delays")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var period = ReportPeriod.between(from, to, clock);
        var shown = figures.of(period.from(), period.to());
        model.addAttribute("figures", shown);
        model.addAttribute("fromDate", period.firstDay());
        model.addAttribute("toDate", period.lastDay());
        model.addAttribute("toldPercent", shown.toldRate() == null ? null : Math.round(shown.toldRate() * 100));
        var weeks = figures.weekly(period.from(), period.to());
        model.addAttribute("weeks", weeks);
        model.addAttribute(
                "chart",
                WeeklyChart.of(
                        weeks.stream().map(DelayReportPageController::week).toList()));
        return "journey/delays";
    }

    /** The same weeks as a spreadsheet: one row per week, downloaded as a file. */
    @GetMapping("/supervisor/delays/weeks.csv")
    ResponseEntity<String> weeksCsv(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var period = ReportPeriod.between(from, to, clock);
        var csv = new StringBuilder("week_start,told_before_asking,had_to_ask,told_percent\r\n");
        for (var w : figures.weekly(period.from(), period.to())) {
            csv.append(w.weekStart())
                    .append(',')
                    .append(w.toldBeforeAsking())
                    .append(',')
                    .append(w.hadToAsk())
                    .append(',')
                    .append(w.toldPercent() == null ? "" : w.toldPercent())
                    .append("\r\n");
        }
        var name = "delays-by-week-" + period.firstDay() + "-to-" + period.lastDay() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.toString());
    }

    private static WeeklyChart.Week week(DelayFigures.WeekAsks w) {
        return new WeeklyChart.Week(
                w.weekStart(),
                w.toldBeforeAsking(),
                w.hadToAsk(),
                "Week of " + DATE.format(w.weekStart()) + ": " + w.toldBeforeAsking() + " told before asking, "
                        + w.hadToAsk() + " had to ask");
    }
}
