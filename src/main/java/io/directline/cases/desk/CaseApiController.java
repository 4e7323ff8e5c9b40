package io.directline.cases.desk;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.cases.desk.CaseViews.CaseDetail;
import io.directline.cases.desk.CaseViews.CaseList;
import io.directline.cases.desk.CaseViews.CaseSummary;
import io.directline.cases.desk.CaseViews.MessageView;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@Tag(name = "Cases", description = "Support cases, for staff")
// no class-level @Validated: Spring MVC then checks the parameter constraints itself and answers 400,
// where a validating proxy would throw ConstraintViolationException, a 500
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

    private final CaseManagement cases;
    private final StaffDesk desk;
    private final CustomerManagement customers;
    private final Attachments attachments;

    CaseApiController(CaseManagement cases, StaffDesk desk, CustomerManagement customers, Attachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
        this.desk = desk;
        this.customers = customers;
    }

    @Operation(summary = "Open a case for an owner, with the owner's first message")
    @PostMapping
    ResponseEntity<CaseDetail> open(
            @AuthenticationPrincipal DirectLineUser user,
            @Valid @RequestBody NewCase request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        var opened = cases.open(
                new OpenCase(
                        request.customerId(),
                        request.subject(),
                        request.body(),
                        request.channel(),
                        request.priority(),
                        request.team(),
                        request.orderId(),
                        IdempotencyKeys.externalId(user, idempotencyKey)),
                Actor.of(user, Channel.PORTAL));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.getId()))
                .body(detail(opened));
    }

    @Operation(
            summary = "List cases, most recently changed first, soonest SLA breach first, or most at stake first",
            description = "Each case says what is at stake for its owner in stakeReason (\"owner at risk (balance −7)"
                    + " · $210k lifetime value\") and by how many minutes that moves it ahead of its SLA deadline in"
                    + " the most-at-stake-first order (stakeMinutes); the inbox adds the time to the breach.")
    @GetMapping
    CaseList<CaseSummary> list(
            @Parameter(description = "one or more statuses") @RequestParam(required = false) Set<CaseStatus> status,
            @Parameter(description = "a username, or 'none' for unassigned cases") @RequestParam(required = false)
                    String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) Long customerId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant updatedSince,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size,
            @Parameter(
                            description =
                                    "'updated' (default: most recently changed first), 'breach' (soonest SLA breach"
                                            + " first, cases without a running clock last) or 'priority' (most at"
                                            + " stake first: the SLA deadline brought forward by the owner's value"
                                            + " at risk and balance)")
                    @RequestParam(required = false)
                    String sort) {
        var slice = cases.search(
                new CaseFilter(
                        status == null || status.isEmpty() ? null : EnumSet.copyOf(status),
                        assignee,
                        team,
                        customerId,
                        updatedSince,
                        CaseFilter.Sort.of(sort)),
                page,
                size);
        var names = customers.namesOf(
                slice.items().stream().map(SupportCase::getCustomerId).collect(Collectors.toSet()));
        return new CaseList<>(
                slice.items().stream().map(c -> CaseSummary.of(c, names)).toList(), page, size, slice.hasNext());
    }

    @Operation(summary = "One case with its conversation (including internal notes) and audit trail")
    @GetMapping("/{id}")
    CaseDetail get(@PathVariable long id) {
        return detail(cases.get(id));
    }

    @Operation(summary = "Change status, assignee ('' unassigns), team, priority or tags; left-out fields stay")
    @PatchMapping("/{id}")
    CaseDetail change(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @Valid @RequestBody CaseChangeRequest request) {
        cases.change(
                id,
                new CaseChanges(
                        request.status(), request.assignee(), request.priority(), request.tags(), request.team()),
                Actor.of(user, Channel.PORTAL));
        return detail(cases.get(id));
    }

    @Operation(summary = "Answer the owner (PUBLIC) or add an internal note (INTERNAL)")
    @PostMapping("/{id}/messages")
    ResponseEntity<MessageView> post(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @Valid @RequestBody StaffMessage request) {
        var actor = Actor.of(user, Channel.PORTAL);
        var message = request.visibility() == Visibility.INTERNAL
                ? cases.addNote(id, request.body(), actor)
                : desk.answer(id, request.body(), request.channel(), actor, null);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/messages/" + message.getId()))
                .body(MessageView.of(message));
    }

    @Operation(summary = "Log a telephone call with the owner on the case (an internal note on the phone channel)")
    @PostMapping("/{id}/calls")
    ResponseEntity<MessageView> logCall(
            @AuthenticationPrincipal DirectLineUser user, @PathVariable long id, @Valid @RequestBody CallLog request) {
        if (request.direction() == Direction.INTERNAL) {
            throw CaseProblems.problem(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "direction must be INBOUND (the owner called) or OUTBOUND (we called).");
        }
        var message = cases.addNote(id, request.describe(), Actor.of(user, Channel.PHONE));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/messages/" + message.getId()))
                .body(MessageView.of(message));
    }

    @Operation(summary = "One message of a case")
    @GetMapping("/{id}/messages/{messageId}")
    MessageView message(@PathVariable long id, @PathVariable long messageId) {
        return cases.conversation(id, true).stream()
                .filter(m -> m.getId() == messageId)
                .findFirst()
                .map(MessageView::of)
                .orElseThrow(() -> CaseProblems.problem(
                        org.springframework.http.HttpStatus.NOT_FOUND,
                        "Message not found",
                        "Case " + id + " has no message with id " + messageId + "."));
    }

    private CaseDetail detail(SupportCase c) {
        return CaseDetail.of(
                c,
                customers.get(c.getCustomerId()).getName(),
                cases.conversation(c.getId(), true),
                attachments.ofCase(c.getId()),
                cases.auditTrail(c.getId()));
    }

    record NewCase(
            @NotNull Long customerId,
            @NotBlank @Size(max = SupportCase.MAX_SUBJECT) String subject,
            @NotBlank String body,
            Channel channel,
            Priority priority,
            @Size(max = SupportCase.MAX_TEAM) String team,
            @Size(max = SupportCase.MAX_ORDER_ID) String orderId) {}

    record CaseChangeRequest(
            CaseStatus status,
            @Size(max = 100) String assignee,
            Priority priority,
            @Size(max = SupportCase.MAX_TAGS) Set<@NotBlank @Size(max = SupportCase.MAX_TAG) String> tags,
            @Size(max = SupportCase.MAX_TEAM) String team) {}

    record StaffMessage(@NotBlank String body, Visibility visibility, Channel channel) {}

    /** A call an agent logs by hand: who called whom, how long, what was said. */
    record CallLog(
            @NotNull Direction direction,
            @Size(max = 40) String number,
            @Min(0) @Max(86_400) Integer durationSeconds,
            @Size(max = 10_000) String notes) {

        String describe() {
            var text = new StringBuilder(direction == Direction.INBOUND ? "Call from the owner" : "Call to the owner");
            if (number != null && !number.isBlank()) {
                text.append(direction == Direction.INBOUND ? " from " : " at ")
                        .append(HtmlUtils.htmlEscape(number.strip()));
            }
            if (durationSeconds != null) {
                text.append(", ").append(duration(durationSeconds));
            }
            text.append('.');
            if (notes != null && !notes.isBlank()) {
                text.append("<br>").append(HtmlUtils.htmlEscape(notes.strip()).replace("\n", "<br>"));
            }
            return text.toString();
        }

        static String duration(int seconds) {
            return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
        }
    }
}
