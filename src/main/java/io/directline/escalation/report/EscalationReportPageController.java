package io.directline.escalation.report;

import io.directline.web.ReportPeriod;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The executive-escalation figures for supervisors, executives and administrators, with two bar charts. */
@Controller
class EscalationReportPageController {

    private final EscalationReport report;
    private final Clock clock;

    EscalationReportPageController(EscalationReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/supervisor/escalations")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var period = ReportPeriod.between(from, to, clock);
        var figures = report.figures(period.from(), period.to());
        model.addAttribute("figures", figures);
        // the form shows whole days in UTC
        model.addAttribute("fromDate", period.firstDay());
        model.addAttribute("toDate", period.lastDay());
        model.addAttribute(
                "refusalsChart",
                EscalationChart.of(figures.refusedByRule().stream()
                        .map(r -> new EscalationChart.Item(r.label(), r.count()))
                        .toList()));
        model.addAttribute(
                "outcomesChart",
                EscalationChart.of(figures.outcomes().stream()
                        .map(o -> new EscalationChart.Item(o.label(), o.count()))
                        .toList()));
        model.addAttribute("frivolousPercent", percent(figures.frivolousRate()));
        model.addAttribute(
                "withinTargetPercent", percent(figures.firstResponse().withinTargetRate()));
        return "escalation/report";
    }

    private static Long percent(Double rate) {
        return rate == null ? null : Math.round(rate * 100);
    }
}
