package io.directline.sla.godark;

import io.directline.web.ReportPeriod;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The go-dark figures for supervisors, executives and administrators, with the incidents drawn as a chart. */
@Controller
class GoDarkPageController {

    private final GoDarkReport report;
    private final Clock clock;

    GoDarkPageController(GoDarkReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/supervisor/go-dark")
    String show(
            @RequestParam(defaultValue = "" + GoDarkReport.DEFAULT_WEEKS) int weeks,
            @RequestParam(defaultValue = "UTC") String zone,
            Model model) {
        var figures = report.figures(ReportPeriod.lastWeeks(weeks, zone, clock));
        var promises = figures.promises();
        long decided = promises.kept() + promises.broken();
        model.addAttribute("figures", figures);
        model.addAttribute("chart", GoDarkChart.of(figures.weeks()));
        model.addAttribute("keptPercent", decided == 0 ? null : Math.round(100.0 * promises.kept() / decided));
        return "sla/go-dark";
    }
}
