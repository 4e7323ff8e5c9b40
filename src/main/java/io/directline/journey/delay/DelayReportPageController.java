package io.directline.journey.delay;

import io.directline.web.ReportPeriod;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delay figures for supervisors, executives and administrators. */
@Controller
class DelayReportPageController {

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
        return "journey/delays";
    }
}
