package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.escalation.guard.AttemptRecord;
import io.directline.escalation.office.EscalationViews.DecisionView;
import io.directline.escalation.office.EscalationViews.EligibilityView;
import io.directline.escalation.office.EscalationViews.OwnerEscalation;
import io.directline.identity.DirectLineUser;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My executive escalations", description = "The signed-in owner takes a case to an executive")
@RestController
@RequestMapping("/api/v1/me/cases/{id}/executive-escalation")
class OwnerEscalationApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final EscalationRequests requests;
    private final UserManagement users;
    private final Clock clock;

    OwnerEscalationApiController(EscalationRequests requests, UserManagement users, Clock clock) {
        this.requests = requests;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Whether I can take this case to an executive now, why not, and its escalations")
    @GetMapping
    EligibilityView eligibility(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id) {
        var eligibility = requests.eligibility(id, owner.customerId());
        var decision = eligibility.decision();
        var refusal = decision.refusal();
        return new EligibilityView(
                decision.allowed(),
                refusal == null ? null : refusal.rule(),
                refusal == null ? null : refusal.reason(),
                refusal == null ? null : refusal.retryAfter(),
                decision.decisions().stream().map(DecisionView::of).toList(),
                requests.minReasonLength(),
                requests.domains(),
                eligibility.all().stream().map(this::view).toList());
    }

    @Operation(
            summary = "Take this case to an executive",
            description = "201 with the escalation; a refusal is a problem naming the rule (`rule`), saying what to"
                    + " do now and, where waiting helps, when (`retryAfter`, `Retry-After`): 429 for quota and"
                    + " cool-down, 409 for the case's state, 404 for a case that is not yours")
    @PostMapping
    ResponseEntity<OwnerEscalation> escalate(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @Valid @RequestBody EscalationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(max = AttemptRecord.MAX_IDEMPOTENCY_KEY)
                    String idempotencyKey) {
        var result = requests.request(
                id,
                owner.customerId(),
                request.reason(),
                request.domain(),
                idempotencyKey,
                Actor.of(owner, Channel.PORTAL));
        if (result.escalation() == null) {
            throw EscalationProblems.refused(result.decision().refusal(), clock.instant());
        }
        return ResponseEntity.created(URI.create("/api/v1/me/cases/" + id + "/executive-escalation"))
                .body(view(result.escalation()));
    }

    private OwnerEscalation view(ExecutiveEscalation e) {
        var executive = e.getExecutive() == null
                ? null
                : users.staffMember(e.getExecutive())
                        .map(StaffMember::displayName)
                        .orElse(e.getExecutive());
        return OwnerEscalation.of(e, executive);
    }

    record EscalationRequest(
            @Size(max = ExecutiveEscalation.MAX_REASON) String reason,
            @Size(max = 40) String domain) {}
}
