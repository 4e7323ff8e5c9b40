package io.directline.escalation.report;

import io.directline.web.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ReportPeriod.API_TAG, description = ReportPeriod.API_TAG_DESCRIPTION)
@RestController
class EscalationReportApiController {

    private final EscalationReport report;
    private final Clock clock;

    EscalationReportApiController(EscalationReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Operation(
            summary = "Executive-escalation figures: requests, allowed vs refused by rule, frivolous rate, time to"
                    + " the first executive response, and outcomes")
    @GetMapping("/api/v1/reports/escalations")
    EscalationFiguresView escalations(
            @Parameter(description = ReportPeriod.FROM_PARAMETER) @RequestParam(required = false) String from,
            @Parameter(description = ReportPeriod.TO_PARAMETER) @RequestParam(required = false) String to) {
        var period = ReportPeriod.between(from, to, clock);
        return EscalationFiguresView.of(report.figures(period.from(), period.to()));
    }

    /** {@code refusedByRule} is keyed by the rule's name ({@code fair-chance}), most refusals first. */
    record EscalationFiguresView(
            Instant from,
            Instant to,
            long requests,
            long allowed,
            long refused,
            Map<String, RuleRefusals> refusedByRule,
            long escalations,
            long awaitingApproval,
            long frivolous,
            Double frivolousRate,
            long companyFailed,
            long refusedByOffice,
            FirstResponseView timeToFirstResponse,
            List<EscalationReport.OutcomeCount> outcomes) {

        static EscalationFiguresView of(EscalationReport.Figures f) {
            var byRule = new LinkedHashMap<String, RuleRefusals>();
            f.refusedByRule().forEach(r -> byRule.put(r.rule(), new RuleRefusals(r.label(), r.count())));
            return new EscalationFiguresView(
                    f.from(),
                    f.to(),
                    f.requests(),
                    f.allowed(),
                    f.refused(),
                    byRule,
                    f.escalations(),
                    f.awaitingApproval(),
                    f.frivolous(),
                    f.frivolousRate(),
                    f.companyFailed(),
                    f.refusedByOffice(),
                    FirstResponseView.of(f.firstResponse()),
                    f.outcomes());
        }
    }

    record RuleRefusals(String label, long count) {}

    /** Durations as ISO-8601 ({@code PT2H30M}) and in whole minutes; null when nothing was answered. */
    record FirstResponseView(
            long answered,
            String median,
            String p90,
            String average,
            Long medianMinutes,
            Long p90Minutes,
            Long averageMinutes,
            long withinTarget,
            long late,
            Double withinTargetRate) {

        static FirstResponseView of(EscalationReport.FirstResponse r) {
            return new FirstResponseView(
                    r.answered(),
                    iso(r.median()),
                    iso(r.p90()),
                    iso(r.average()),
                    minutes(r.median()),
                    minutes(r.p90()),
                    minutes(r.average()),
                    r.withinTarget(),
                    r.late(),
                    r.withinTargetRate());
        }

        private static String iso(Duration d) {
            return d == null ? null : d.toString();
        }

        private static Long minutes(Duration d) {
            return d == null ? null : d.toMinutes();
        }
    }
}
