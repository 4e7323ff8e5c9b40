package io.directline.sla.godark;

import io.directline.web.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ReportPeriod.API_TAG, description = ReportPeriod.API_TAG_DESCRIPTION)
@RestController
class GoDarkReportApiController {

    private final GoDarkReport report;
    private final Clock clock;

    GoDarkReportApiController(GoDarkReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Operation(
            summary = "Go-dark figures: incidents per week (response breaches and broken promises), cases silent"
                    + " now, the longest silence, and promises kept vs broken")
    @GetMapping("/api/v1/reports/go-dark")
    GoDarkView goDark(
            @Parameter(description = ReportPeriod.WEEKS_PARAMETER)
                    @RequestParam(defaultValue = "" + GoDarkReport.DEFAULT_WEEKS)
                    int weeks,
            @Parameter(description = ReportPeriod.ZONE_PARAMETER) @RequestParam(defaultValue = "UTC") String zone) {
        return GoDarkView.of(report.figures(ReportPeriod.lastWeeks(weeks, zone, clock)));
    }

    record GoDarkView(
            Instant from,
            Instant to,
            String zone,
            List<GoDarkReport.Week> weeks,
            long silentNow,
            List<SilenceView> silentCases,
            SilenceView longestSilence,
            GoDarkReport.PromiseCounts promises) {

        static GoDarkView of(GoDarkReport.Figures figures) {
            return new GoDarkView(
                    figures.from(),
                    figures.to(),
                    figures.zone().getId(),
                    figures.weeks(),
                    figures.silentNow(),
                    figures.silentCases().stream().map(SilenceView::of).toList(),
                    figures.longestSilence() == null ? null : SilenceView.of(figures.longestSilence()),
                    figures.promises());
        }
    }

    /** {@code silentFor} is an ISO-8601 duration such as {@code PT5H}. */
    record SilenceView(long caseId, String reference, Instant since, String silentFor) {

        static SilenceView of(GoDarkReport.Silence silence) {
            return new SilenceView(
                    silence.caseId(),
                    silence.reference(),
                    silence.since(),
                    silence.silentFor().toString());
        }
    }
}
