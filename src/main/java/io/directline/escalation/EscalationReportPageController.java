package io.directline.escalation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The executive-escalation figures for supervisors, executives and administrators, with two bar charts. */
@Controller
class EscalationReportPageController {

    private final EscalationReport report;

    EscalationReportPageController(EscalationReport report) {
        this.report = report;
    }

    @GetMapping("/supervisor/escalations")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var figures = report.figures(from, to);
        model.addAttribute("figures", figures);
        // the form shows whole days in UTC; the period ends before "to", so its last day is the day before
        model.addAttribute("fromDate", LocalDate.ofInstant(figures.from(), ZoneOffset.UTC));
        model.addAttribute("toDate", LocalDate.ofInstant(figures.to().minusNanos(1), ZoneOffset.UTC));
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
