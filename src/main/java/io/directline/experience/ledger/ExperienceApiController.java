package io.directline.experience.ledger;

import io.directline.customer.CustomerManagement;
import io.directline.experience.EntrySource;
import io.directline.experience.Standing;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Experience",
        description = "Each owner's experience ledger: good and bad experiences with their source, the 12:1 balance"
                + " over a rolling window, lifetime value and the value at risk. Staff read; supervisors and admins"
                + " write manual entries, each with a reason.")
@RestController
class ExperienceApiController {

    static final int MAX_SIZE = 100;
    static final int MAX_REASON = 1000;
    static final int MAX_WEIGHT = 12;
    private static final int MAX_KEY = 200;

    private final Ledger ledger;
    private final CustomerManagement customers;
    private final ExperienceProperties properties;
    private final Clock clock;

    ExperienceApiController(Ledger ledger, CustomerManagement customers, ExperienceProperties properties, Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    /** One ledger entry as the API shows it. */
    record EntryView(
            long id,
            EntrySource source,
            int sign,
            int weight,
            String what,
            Long caseId,
            String orderRef,
            String note,
            Instant at,
            String createdBy) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(
                    e.id(),
                    e.source(),
                    e.sign(),
                    e.weight(),
                    e.describe(),
                    e.caseId(),
                    e.orderRef(),
                    e.note(),
                    e.at(),
                    e.createdBy());
        }
    }

    record Entries(List<EntryView> items, int page, int size, boolean hasNext) {}

    /**
     * An owner's experience.
     *
     * @param explanation one sentence that explains the balance
     * @param lifetimeValueHow how the lifetime value was computed
     * @param valueAtRiskHow how the value at risk was computed
     */
    record ExperienceView(
            long customerId,
            int balance,
            int positives,
            int negatives,
            boolean atRisk,
            int negativeWeight,
            long windowDays,
            String formula,
            BigDecimal lifetimeValue,
            String lifetimeValueHow,
            BigDecimal riskFactor,
            BigDecimal valueAtRisk,
            String valueAtRiskHow,
            String explanation,
            Instant computedAt,
            Entries entries) {}

    @Operation(
            summary = "An owner's experience: balance, at risk, lifetime value, value at risk and the entries",
            description = "Entries newest first, paged (size 1–100). The explanation says in one sentence why the owner"
                    + " stands where they stand.")
    @GetMapping("/api/v1/customers/{id}/experience")
    ExperienceView experience(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        customers.get(id);
        if (page < 0 || page > 100_000) {
            throw invalid("page", "page must be between 0 and 100000, not " + page + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "size must be between 1 and " + MAX_SIZE + ", not " + size + ".");
        }
        var breakdown = ledger.breakdownOf(id);
        var rows = ledger.entries(id, page, size);
        boolean hasNext = rows.size() > size;
        var items = (hasNext ? rows.subList(0, size) : rows)
                .stream().map(EntryView::of).toList();
        Standing s = breakdown.standing();
        return new ExperienceView(
                id,
                s.balance(),
                s.positives(),
                s.negatives(),
                s.atRisk(),
                properties.negativeWeight(),
                properties.window().toDays(),
                breakdown.balance().formula(),
                s.lifetimeValue(),
                breakdown.lifetime().how(),
                breakdown.balance().riskFactor(),
                s.valueAtRisk(),
                breakdown.valueAtRiskHow(),
                s.explanation(),
                s.computedAt(),
                new Entries(items, page, size, hasNext));
    }

    /**
     * A manual entry.
     *
     * @param sign +1 for a good experience, −1 for a bad one
     * @param weight how many experiences it counts for, 1–12 (default 1)
     * @param reason why, required
     */
    record ManualEntry(
            @Schema(example = "-1") Integer sign,
            @Schema(example = "1") Integer weight,

            @Schema(example = "The owner waited 40 minutes at the service desk")
            String reason,

            Long caseId,
            String orderRef) {}

    @Operation(
            summary = "Record a manual experience entry (supervisors and admins)",
            description = "A reason is required (400 without one). With an Idempotency-Key header, a retried request"
                    + " returns the entry of the first attempt (200) instead of a second one.")
    @PostMapping("/api/v1/customers/{id}/experience/entries")
    ResponseEntity<EntryView> record(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) ManualEntry body) {
        customers.get(id);
        if (body == null) {
            throw invalid("reason", "Send a JSON body with sign (+1 or −1) and a reason.");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw invalid("reason", "Say why: a manual entry needs a reason.");
        }
        var reason = body.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw invalid(
                    "reason", "reason is " + reason.length() + " characters long; at most " + MAX_REASON + " fit.");
        }
        if (body.sign() == null || (body.sign() != 1 && body.sign() != -1)) {
            throw invalid("sign", "sign must be 1 (a good experience) or -1 (a bad one).");
        }
        int weight = body.weight() == null ? 1 : body.weight();
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw invalid("weight", "weight must be between 1 and " + MAX_WEIGHT + ", not " + weight + ".");
        }
        var orderRef = body.orderRef() == null || body.orderRef().isBlank()
                ? null
                : body.orderRef().strip();
        if (orderRef != null && orderRef.length() > 64) {
            throw invalid("orderRef", "orderRef is at most 64 characters long.");
        }
        String key;
        if (idempotencyKey == null) {
            key = "manual:" + UUID.randomUUID();
        } else {
            var trimmed = idempotencyKey.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_KEY) {
                throw invalid(
                        "Idempotency-Key", "The Idempotency-Key header must hold 1 to " + MAX_KEY + " characters.");
            }
            key = "manual:" + id + ":" + user.id() + ":" + trimmed;
        }
        var existing = ledger.byKey(key);
        if (existing.isPresent()) {
            return ResponseEntity.ok(EntryView.of(existing.get()));
        }
        var entry = new NewEntry(
                id,
                EntrySource.MANUAL,
                body.sign(),
                weight,
                body.caseId(),
                orderRef,
                reason,
                key,
                clock.instant(),
                user.getUsername());
        try {
            var recorded = ledger.record(entry);
            if (recorded.isPresent()) {
                return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(recorded.get()));
            }
        } catch (DuplicateKeyException e) {
            // the same key was recorded at the same moment by a retry of this request
        }
        return ResponseEntity.ok(EntryView.of(ledger.byKey(key).orElseThrow()));
    }

    private static ErrorResponseException invalid(String field, String detail) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        body.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
    }
}
