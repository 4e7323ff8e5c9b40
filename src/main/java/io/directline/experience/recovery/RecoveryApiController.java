package io.directline.experience.recovery;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Recovery",
        description = "Recovery playbooks (configuration: supervisors read, admins change), the recoveries a negative"
                + " experience started, and goodwill gestures (over the approval limit they wait for a supervisor).")
@RestController
class RecoveryApiController {

    private static final int MAX_KEY = 200;

    private final Playbooks playbooks;
    private final Recoveries recoveries;
    private final Goodwill goodwill;
    private final CaseManagement cases;
    private final CustomerManagement customers;

    RecoveryApiController(
            Playbooks playbooks,
            Recoveries recoveries,
            Goodwill goodwill,
            CaseManagement cases,
            CustomerManagement customers) {
        this.playbooks = playbooks;
        this.recoveries = recoveries;
        this.goodwill = goodwill;
        this.cases = cases;
        this.customers = customers;
    }

    /** A playbook with its steps in words. */
    record PlaybookView(
            String name,
            String trigger,
            boolean enabled,
            Integer callbackHours,
            boolean apology,
            BigDecimal goodwillAmount,
            String goodwillNote,
            String steps,
            long version,
            String updatedBy,
            Instant updatedAt) {

        static PlaybookView of(Playbook p) {
            return new PlaybookView(
                    p.name(),
                    p.trigger(),
                    p.enabled(),
                    p.callbackHours(),
                    p.apology(),
                    p.goodwillAmount(),
                    p.goodwillNote(),
                    Playbooks.describe(p),
                    p.version(),
                    p.updatedBy(),
                    p.updatedAt());
        }
    }

    @Operation(summary = "The recovery playbooks")
    @GetMapping("/api/v1/playbooks")
    List<PlaybookView> playbooks() {
        return playbooks.all().stream().map(PlaybookView::of).toList();
    }

    @Operation(
            summary = "Create or change a playbook (admins)",
            description = "trigger is an experience source (PROMISE, SURVEY, DELAY_TOLD, …) or ANY; each step is"
                    + " optional. 409 when another playbook has the trigger or the playbook changed since version.")
    @PutMapping("/api/v1/playbooks/{name}")
    PlaybookView save(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable String name,
            @RequestBody(required = false) Playbooks.Change change) {
        return PlaybookView.of(playbooks.save(name, change, user.getUsername()));
    }

    @Operation(summary = "Remove a playbook (admins); one that started recoveries is disabled instead")
    @DeleteMapping("/api/v1/playbooks/{name}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal DirectLineUser user, @PathVariable String name) {
        if (!playbooks.remove(name, user.getUsername())) {
            throw CaseProblems.problem(
                    HttpStatus.NOT_FOUND, "Playbook not found", "There is no playbook named '" + clip(name) + "'.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The recoveries and goodwill gestures of an owner or a case. */
    record RecoveryView(List<Recovery> recoveries, List<Goodwill.Gesture> gestures) {}

    @Operation(summary = "An owner's recoveries and goodwill gestures, newest first")
    @GetMapping("/api/v1/customers/{id}/recoveries")
    RecoveryView ofOwner(@PathVariable long id) {
        customers.get(id);
        return new RecoveryView(recoveries.ofOwner(id, 50), goodwill.ofOwner(id, 50));
    }

    @Operation(summary = "The recoveries and goodwill gestures about a case")
    @GetMapping("/api/v1/cases/{id}/recovery")
    RecoveryView ofCase(@PathVariable long id) {
        cases.get(id);
        return new RecoveryView(recoveries.ofCase(id), goodwill.ofCase(id));
    }

    /**
     * A goodwill gesture to propose.
     *
     * @param amount in US dollars
     */
    record GestureRequest(
            @Schema(example = "250.00") BigDecimal amount,

            @Schema(example = "A complimentary service voucher")
            String description) {}

    @Operation(
            summary = "Propose a goodwill gesture on a case",
            description = "Up to the approval limit it is approved at once; above it, it waits for a supervisor's"
                    + " approval (a supervisor's own proposal is approved). With an Idempotency-Key header a retry"
                    + " returns the first proposal.")
    @PostMapping("/api/v1/cases/{id}/goodwill")
    ResponseEntity<Goodwill.Gesture> propose(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) GestureRequest body) {
        var supportCase = cases.get(id);
        if (body == null) {
            throw CaseProblems.invalidField("amount", "Send a JSON body with amount and description.");
        }
        String key = null;
        if (idempotencyKey != null) {
            var trimmed = idempotencyKey.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_KEY) {
                throw CaseProblems.invalidField(
                        "Idempotency-Key", "The Idempotency-Key header must hold 1 to " + MAX_KEY + " characters.");
            }
            key = "case:" + id + ":" + user.getUsername() + ":" + trimmed;
        }
        boolean approver = user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN);
        var recovery = recoveries
                .openFor(supportCase.getCustomerId())
                .map(Recovery::id)
                .orElse(null);
        var gesture = goodwill.propose(
                recovery,
                id,
                supportCase.getCustomerId(),
                body.amount(),
                body.description(),
                user.getUsername(),
                approver,
                key);
        return ResponseEntity.status(HttpStatus.CREATED).body(gesture);
    }

    @Operation(summary = "Approve a proposed goodwill gesture (supervisors and admins)")
    @PostMapping("/api/v1/goodwill/{id}/approve")
    Goodwill.Gesture approve(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return goodwill.decide(id, true, user.getUsername());
    }

    @Operation(summary = "Refuse a proposed goodwill gesture (supervisors and admins)")
    @PostMapping("/api/v1/goodwill/{id}/refuse")
    Goodwill.Gesture refuse(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return goodwill.decide(id, false, user.getUsername());
    }

    @Operation(
            summary = "Give an approved goodwill gesture",
            description = "409 saying who must approve when the gesture is over the limit and not approved yet.")
    @PostMapping("/api/v1/goodwill/{id}/give")
    Goodwill.Gesture give(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return goodwill.give(id, Actor.of(user, Channel.PORTAL));
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
