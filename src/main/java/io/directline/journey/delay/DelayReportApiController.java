package io.directline.journey.delay;

import io.directline.web.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ReportPeriod.API_TAG, description = ReportPeriod.API_TAG_DESCRIPTION)
@RestController
class DelayReportApiController {

    private final DelayFigures figures;
    private final Clock clock;

    DelayReportApiController(DelayFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Operation(
            summary = "Delays told before the owner asked against delays the owner had to ask about, with the personal"
                    + " delay notices sent and the delays a broadcast told instead")
    @GetMapping("/api/v1/reports/delays")
    DelayFigures.Figures delays(
            @Parameter(description = ReportPeriod.FROM_PARAMETER) @RequestParam(required = false) String from,
            @Parameter(description = ReportPeriod.TO_PARAMETER) @RequestParam(required = false) String to) {
        var period = ReportPeriod.between(from, to, clock);
        return figures.of(period.from(), period.to());
    }
}
