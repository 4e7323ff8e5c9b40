package io.directline.experience.dashboard;

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
class DashboardApiController {

    private final ExperienceDashboard dashboard;
    private final Clock clock;

    DashboardApiController(ExperienceDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @Operation(
            summary = "The executive dashboard: go-dark incidents, SLA compliance, escalations, owners and value at"
                    + " risk, recovery rate, CSAT and NPS, told before asking vs had to ask, cases by channel (per"
                    + " week from Monday UTC), and the histogram of all owners' balances")
    @GetMapping("/api/v1/reports/experience")
    ExperienceDashboard.Figures experience(
            @Parameter(description = ReportPeriod.FROM_PARAMETER) @RequestParam(required = false) String from,
            @Parameter(description = ReportPeriod.TO_PARAMETER) @RequestParam(required = false) String to) {
        return dashboard.figures(ReportPeriod.between(from, to, clock));
    }
}
