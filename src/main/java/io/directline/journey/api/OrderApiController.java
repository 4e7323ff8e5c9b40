package io.directline.journey.api;

import io.directline.identity.DirectLineUser;
import io.directline.journey.EstimateChange;
import io.directline.journey.InvalidOrderException;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.MilestoneStatus;
import io.directline.journey.Order;
import io.directline.journey.OrderDetails;
import io.directline.journey.OrderNotFoundException;
import io.directline.journey.Orders;
import io.directline.journey.Price;
import io.directline.journey.Upserted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Orders",
        description = "The owner's journey: orders from the system of record, their milestones with the date first"
                + " promised, the current estimate and the actual date, and every moved estimate with its reason."
                + " Staff read; supervisors and admins write.")
@RestController
@RequestMapping("/api/v1/orders")
class OrderApiController {

    private final Orders orders;

    OrderApiController(Orders orders) {
        this.orders = orders;
    }

    /**
     * An order as the system of record describes it.
     *
     * @param milestones per milestone name (RESERVATION … SERVICE_VISIT), its dates; milestones left out keep theirs
     * @param reason why an estimate moves; required when one does
     */
    record OrderRequest(
            @NotNull @Schema(description = "The owner's id", example = "42")
            Long customerId,

            @Schema(example = "Aurora GT") String model,
            @Schema(example = "Long range, midnight blue") String configuration,
            @Schema(example = "Bavaria") String region,
            @Schema(example = "80331") String postalCode,
            Double latitude,
            Double longitude,
            Set<String> tags,
            Map<String, MilestonePlan> milestones,

            @Schema(example = "Battery cells arrive three weeks late")
            String reason,

            @Schema(description = "What the order was bought for; left out, the order keeps its price")
            PriceRequest price) {}

    /** A price: amount more than 0 with at most two decimals, currency an ISO code (USD when left out). */
    record PriceRequest(
            @Schema(example = "84500") java.math.BigDecimal amount,
            @Schema(example = "USD") String currency) {

        Price toPrice() {
            return new Price(amount, currency);
        }
    }

    @Operation(
            summary = "Create or update an order (idempotent)",
            description = "The same body twice changes nothing the second time (200, outcome UNCHANGED, no event)."
                    + " 201 when the order is new. The date first promised for a milestone is kept as first given;"
                    + " an estimate that moves needs a reason and is kept in the order's history.")
    @PutMapping("/{ref}")
    ResponseEntity<OrderView> upsert(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable String ref,
            @Validated @RequestBody OrderRequest request) {
        var details = new OrderDetails(
                request.customerId(),
                request.model(),
                request.configuration(),
                request.region(),
                request.postalCode(),
                request.latitude(),
                request.longitude(),
                request.tags(),
                milestones(request.milestones()),
                request.reason(),
                user.getUsername(),
                request.price() == null ? null : request.price().toPrice());
        var outcome = orders.upsert(ref, details);
        var view = OrderView.of(orders.find(ref).orElseThrow(() -> new OrderNotFoundException(ref)), outcome);
        return ResponseEntity.status(outcome == Upserted.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    record EstimateRequest(
            @NotNull @Schema(description = "The new estimate", example = "2027-07-15")
            LocalDate date,

            @Schema(example = "The ferry to the port was cancelled")
            String reason) {}

    @Operation(
            summary = "Move a milestone's estimate",
            description = "A reason is required when the estimate moves; the owner reads it. An estimate later than"
                    + " the promise by more than directline.journey.delay-threshold marks the milestone delayed."
                    + " The same date again changes nothing.")
    @PostMapping("/{ref}/milestones/{milestone}/estimate")
    OrderView moveEstimate(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable String ref,
            @PathVariable String milestone,
            @Validated @RequestBody EstimateRequest request) {
        var which = milestone(milestone);
        boolean moved = orders.moveEstimate(ref, which, request.date(), request.reason(), user.getUsername());
        return OrderView.of(
                orders.find(ref).orElseThrow(() -> new OrderNotFoundException(ref)),
                moved ? Upserted.CHANGED : Upserted.UNCHANGED);
    }

    @Operation(summary = "One order: its milestones (promised, estimate, actual, delayed) and estimate history")
    @GetMapping("/{ref}")
    OrderView get(@PathVariable String ref) {
        return OrderView.of(orders.find(ref).orElseThrow(() -> new OrderNotFoundException(ref)), null);
    }

    static Milestone milestone(String name) {
        var wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (var m : Milestone.values()) {
            if (m.name().equals(wanted)) {
                return m;
            }
        }
        throw new InvalidOrderException(
                "milestone",
                "Unknown milestone \"" + clip(name) + "\"; the milestones are "
                        + Arrays.stream(Milestone.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    private static Map<Milestone, MilestonePlan> milestones(Map<String, MilestonePlan> byName) {
        var plans = new EnumMap<Milestone, MilestonePlan>(Milestone.class);
        if (byName != null) {
            byName.forEach((name, plan) -> {
                if (plan != null) {
                    plans.put(milestone(name), plan);
                }
            });
        }
        return plans;
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /**
     * @param outcome what the request did: CREATED, CHANGED or UNCHANGED (absent on a read)
     * @param stage the current stage: the latest milestone reached, or the first one planned
     */
    record OrderView(
            String ref,
            long customerId,
            String model,
            String configuration,
            String region,
            String postalCode,
            Double latitude,
            Double longitude,
            Set<String> tags,
            Milestone stage,
            boolean delayed,
            List<MilestoneStatus> milestones,
            List<EstimateChange> history,
            Instant createdAt,
            Instant updatedAt,
            Price price,
            Upserted outcome) {

        static OrderView of(Order o, Upserted outcome) {
            return new OrderView(
                    o.ref(),
                    o.customerId(),
                    o.model(),
                    o.configuration(),
                    o.region(),
                    o.postalCode(),
                    o.latitude(),
                    o.longitude(),
                    new java.util.TreeSet<>(o.tags()),
                    o.stage(),
                    o.milestones().stream().anyMatch(MilestoneStatus::delayed),
                    o.milestones(),
                    o.history(),
                    o.createdAt(),
                    o.updatedAt(),
                    o.price(),
                    outcome);
        }
    }
}
