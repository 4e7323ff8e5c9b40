package io.directline.escalation.ladder;

import io.directline.escalation.ladder.LadderViews.CaseSlaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "SLA", description = "The SLA clocks, escalations and owner notices of a case, for staff")
@RestController
class CaseSlaApiController {

    private final LadderOverview overview;

    CaseSlaApiController(LadderOverview overview) {
        this.overview = overview;
    }

    @Operation(
            summary = "A case's SLA: policy, rung and holder, clocks with the working time left (ISO-8601 durations),"
                    + " the escalation trail and the notices telling the owner we are late")
    @GetMapping("/api/v1/cases/{id}/sla")
    CaseSlaView get(@PathVariable long id) {
        return overview.of(id);
    }
}
