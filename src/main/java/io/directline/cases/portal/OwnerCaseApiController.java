package io.directline.cases.portal;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.cases.desk.CaseViews.CaseList;
import io.directline.cases.desk.CaseViews.MessageView;
import io.directline.cases.desk.CaseViews.OwnerCase;
import io.directline.cases.desk.CaseViews.OwnerCaseSummary;
import io.directline.cases.desk.IdempotencyKeys;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My cases", description = "The signed-in owner's own cases")
// no class-level @Validated: Spring MVC then checks the parameter constraints itself and answers 400,
// where a validating proxy would throw ConstraintViolationException, a 500
@RestController
@RequestMapping("/api/v1/me/cases")
class OwnerCaseApiController {

    private final CaseManagement cases;
    private final Attachments attachments;

    OwnerCaseApiController(CaseManagement cases, Attachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @Operation(summary = "My cases, most recently changed first")
    @GetMapping
    CaseList<OwnerCaseSummary> list(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
        var slice = cases.search(new CaseFilter(null, null, null, owner.customerId(), null), page, size);
        return new CaseList<>(slice.items().stream().map(OwnerCaseSummary::of).toList(), page, size, slice.hasNext());
    }

    @Operation(summary = "Open a case")
    @PostMapping
    ResponseEntity<OwnerCase> open(
            @AuthenticationPrincipal DirectLineUser owner,
            @Valid @RequestBody OwnerNewCase request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        var opened = cases.open(
                new OpenCase(
                        owner.customerId(),
                        request.subject(),
                        request.body(),
                        Channel.PORTAL,
                        Priority.NORMAL,
                        null,
                        request.orderId(),
                        IdempotencyKeys.externalId(owner, idempotencyKey)),
                Actor.of(owner, Channel.PORTAL));
        return ResponseEntity.created(URI.create("/api/v1/me/cases/" + opened.getId()))
                .body(OwnerCase.of(opened, cases.conversation(opened.getId(), false), List.of()));
    }

    @Operation(summary = "One of my cases with its conversation")
    @GetMapping("/{id}")
    OwnerCase get(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id) {
        var supportCase = cases.getForOwner(id, owner.customerId());
        return OwnerCase.of(supportCase, cases.conversation(id, false), attachments.ofCaseForOwner(id));
    }

    @Operation(summary = "Write on one of my cases; a resolved case reopens")
    @PostMapping("/{id}/messages")
    ResponseEntity<MessageView> write(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @Valid @RequestBody OwnerMessage request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        var message = cases.receiveFromOwner(
                id,
                owner.customerId(),
                request.body(),
                Channel.PORTAL,
                IdempotencyKeys.externalId(owner, idempotencyKey),
                Actor.of(owner, Channel.PORTAL));
        return ResponseEntity.created(URI.create("/api/v1/me/cases/" + id)).body(MessageView.of(message));
    }

    record OwnerNewCase(
            @NotBlank @Size(max = SupportCase.MAX_SUBJECT) String subject,
            @NotBlank String body,
            @Size(max = SupportCase.MAX_ORDER_ID) String orderId) {}

    record OwnerMessage(@NotBlank String body) {}
}
