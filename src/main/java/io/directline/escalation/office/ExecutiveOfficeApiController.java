package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.escalation.office.EscalationViews.AttemptView;
import io.directline.escalation.office.EscalationViews.CaseTrail;
import io.directline.escalation.office.EscalationViews.EscalationList;
import io.directline.escalation.office.EscalationViews.StaffEscalation;
import io.directline.escalation.office.EscalationViews.StepView;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Executive office", description = "Owners' executive escalations, triaged and answered by executives")
@RestController
class ExecutiveOfficeApiController {

    static final Set<EscalationState> WORKING =
            EnumSet.of(EscalationState.PENDING_APPROVAL, EscalationState.OPEN, EscalationState.HANDED_BACK);

    private final ExecutiveOffice office;
    private final Clock clock;

    ExecutiveOfficeApiController(ExecutiveOffice office, Clock clock) {
        this.office = office;
        this.clock = clock;
    }

    @Operation(summary = "The executive office's queue: escalations in these states, the most pressing first")
    @GetMapping("/api/v1/executive-escalations")
    EscalationList queue(
            @RequestParam(required = false) Set<EscalationState> state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        var states = state == null || state.isEmpty() ? WORKING : state;
        var now = clock.instant();
        return new EscalationList(office.queue(states, limit).stream()
                .map(e -> StaffEscalation.of(e, now))
                .toList());
    }

    @Operation(summary = "One escalation")
    @GetMapping("/api/v1/executive-escalations/{id}")
    StaffEscalation get(@PathVariable long id) {
        return StaffEscalation.of(office.get(id), clock.instant());
    }

    @Operation(summary = "Let an escalation awaiting approval through to its executive")
    @PostMapping("/api/v1/executive-escalations/{id}/approve")
    StaffEscalation approve(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return view(office.approve(id, actor(user)));
    }

    @Operation(summary = "Refuse an escalation awaiting approval, telling the owner why (signed)")
    @PostMapping("/api/v1/executive-escalations/{id}/refuse")
    StaffEscalation refuse(
            @AuthenticationPrincipal DirectLineUser user, @PathVariable long id, @Valid @RequestBody ToOwner request) {
        return view(office.refuse(id, request.messageToOwner(), actor(user)));
    }

    @Operation(summary = "Answer the owner personally, signed, on the owner's channel")
    @PostMapping("/api/v1/executive-escalations/{id}/answer")
    StaffEscalation answer(
            @AuthenticationPrincipal DirectLineUser user, @PathVariable long id, @Valid @RequestBody Answer request) {
        return view(office.answer(id, request.body(), actor(user)));
    }

    @Operation(summary = "Hand the case back to a team with instructions, keeping it on the watch list")
    @PostMapping("/api/v1/executive-escalations/{id}/hand-back")
    StaffEscalation handBack(
            @AuthenticationPrincipal DirectLineUser user, @PathVariable long id, @Valid @RequestBody HandBack request) {
        return view(office.handBack(id, request.team(), request.instructions(), request.messageToOwner(), actor(user)));
    }

    @Operation(summary = "Close an escalation")
    @PostMapping("/api/v1/executive-escalations/{id}/close")
    StaffEscalation close(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @Valid @RequestBody(required = false) Note request) {
        return view(office.close(id, request == null ? null : request.note(), actor(user)));
    }

    @Operation(summary = "Mark an escalation frivolous; the owner's next ones need pre-approval")
    @PostMapping("/api/v1/executive-escalations/{id}/frivolous")
    StaffEscalation frivolous(
            @AuthenticationPrincipal DirectLineUser user, @PathVariable long id, @Valid @RequestBody Note request) {
        return view(office.markFrivolous(id, request.note(), actor(user)));
    }

    @Operation(summary = "The executive-escalation trail of a case: attempts, escalations and their steps")
    @GetMapping("/api/v1/cases/{caseId}/executive-escalations")
    CaseTrail trail(@PathVariable long caseId) {
        office.requireCase(caseId);
        var now = clock.instant();
        return new CaseTrail(
                office.attemptsOn(caseId).stream().map(AttemptView::of).toList(),
                office.ofCase(caseId).stream()
                        .map(e -> StaffEscalation.of(e, now))
                        .toList(),
                office.trailOf(caseId).stream().map(StepView::of).toList());
    }

    private StaffEscalation view(ExecutiveEscalation e) {
        return StaffEscalation.of(e, clock.instant());
    }

    private static Actor actor(DirectLineUser user) {
        return Actor.of(user, Channel.PORTAL);
    }

    record ToOwner(@Size(max = 65536) String messageToOwner) {}

    record Answer(@Size(max = 65536) String body) {}

    record HandBack(
            @Size(max = SupportCase.MAX_TEAM) String team,
            @Size(max = 4000) String instructions,
            @Size(max = 65536) String messageToOwner) {}

    record Note(@Size(max = 4000) String note) {}
}
