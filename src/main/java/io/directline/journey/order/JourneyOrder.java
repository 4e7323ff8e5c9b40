package io.directline.journey.order;

import io.directline.journey.EstimateChange;
import io.directline.journey.InvalidOrderException;
import io.directline.journey.JourneyProperties;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.Order;
import io.directline.journey.OrderDetails;
import io.directline.journey.OrderEstimateChanged;
import io.directline.journey.Price;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An order and its milestones: the aggregate that decides what an upsert or a moved estimate changes. The date first
 * promised for a milestone is kept as first given; a new milestone's estimate starts at its promise; an estimate that
 * moves needs a reason and leaves a history row and an {@link OrderEstimateChanged}; a milestone is delayed when its
 * estimate is later than its promise by more than the threshold.
 */
public final class JourneyOrder {

    public static final int MAX_REF = 64;
    public static final int MAX_MODEL = 100;
    public static final int MAX_CONFIGURATION = 1000;
    public static final int MAX_REGION = 120;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_TAG = 60;
    public static final int MAX_TAGS = 20;
    public static final int MAX_REASON = 1000;
    public static final int MAX_BY = 100;
    /** Dates outside these years are typing mistakes, not plans. */
    public static final int FIRST_YEAR = 1900;

    public static final int LAST_YEAR = 2999;

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_REF - 1) + "}");

    Long id;
    final String ref;
    long customerId;
    String model;
    String configuration;
    String region;
    String postalCode;
    Double latitude;
    Double longitude;
    Price price;
    Set<String> tags = new TreeSet<>();
    final EnumMap<Milestone, MilestoneRow> milestones = new EnumMap<>(Milestone.class);
    Instant createdAt;
    Instant updatedAt;
    long version;

    /** The tags as loaded, to write them only when they changed. */
    Set<String> storedTags = Set.of();

    JourneyOrder(String ref) {
        this.ref = ref;
    }

    public String ref() {
        return ref;
    }

    public Long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    /** A new order from what the system of record says; {@code moves} receives each estimate that moved. */
    static JourneyOrder create(
            String ref, OrderDetails details, JourneyProperties rules, Instant now, List<PendingMove> moves) {
        var order = new JourneyOrder(ref);
        order.createdAt = now;
        order.updatedAt = now;
        order.apply(details, rules, now, moves);
        return order;
    }

    /** A moved estimate: its history row and its event (the order has no id before its insert). */
    record PendingMove(
            JourneyOrder order,
            Milestone milestone,
            LocalDate promised,
            LocalDate previous,
            LocalDate current,
            String reason,
            String by,
            Instant at,
            boolean delayed) {

        OrderEstimateChanged event() {
            return new OrderEstimateChanged(
                    order.ref, order.customerId, milestone, promised, previous, current, reason, delayed, at);
        }
    }

    /**
     * Applies what the system of record says. Fields are replaced; milestones left out stay as they are.
     *
     * @return whether anything changed
     * @throws InvalidOrderException when an estimate moves without a reason
     */
    boolean apply(OrderDetails details, JourneyProperties rules, Instant now, List<PendingMove> moves) {
        requireReasonForMoves(details);
        var before = fingerprint();
        customerId = details.customerId();
        model = details.model().strip();
        configuration = blankToNull(details.configuration());
        region = blankToNull(details.region());
        postalCode = blankToNull(details.postalCode());
        latitude = details.latitude();
        longitude = details.longitude();
        if (details.price() != null) {
            price = details.price();
        }
        tags = details.tags().stream().map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        for (var milestone : Milestone.values()) {
            var plan = details.milestones().get(milestone);
            if (plan != null) {
                plan(milestone, plan, details.reason(), details.by(), rules, now, moves);
            }
        }
        boolean changed = !before.equals(fingerprint());
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** Refuses before anything changes, so a refused upsert leaves the order as it was. */
    private void requireReasonForMoves(OrderDetails details) {
        if (details.reason() != null && !details.reason().isBlank()) {
            return;
        }
        for (var e : details.milestones().entrySet()) {
            var plan = e.getValue();
            var row = milestones.get(e.getKey());
            var current = row == null ? null : row.estimate;
            if (current == null) {
                current = row != null && row.promised != null ? row.promised : plan.promised();
            }
            if (plan.estimate() != null && current != null && !plan.estimate().equals(current)) {
                throw new InvalidOrderException(
                        "reason",
                        "The estimate of " + e.getKey() + " moves from " + current + " to " + plan.estimate()
                                + "; give the reason the owner will read.");
            }
        }
    }

    private void plan(
            Milestone milestone,
            MilestonePlan plan,
            String reason,
            String by,
            JourneyProperties rules,
            Instant now,
            List<PendingMove> moves) {
        var row = milestones.get(milestone);
        if (row == null) {
            if (plan.promised() == null && plan.estimate() == null && plan.actual() == null) {
                return;
            }
            row = new MilestoneRow(milestone);
            row.fresh = true;
            milestones.put(milestone, row);
        }
        var before = row.fingerprint();
        if (row.promised == null && plan.promised() != null) {
            row.promised = plan.promised();
            if (row.estimate == null) {
                row.estimate = plan.promised();
            }
        }
        if (plan.estimate() != null && !plan.estimate().equals(row.estimate)) {
            if (row.estimate == null) {
                row.estimate = plan.estimate();
            } else {
                move(row, plan.estimate(), reason, by, rules, now, moves);
            }
        }
        if (plan.actual() != null) {
            row.actual = plan.actual();
        }
        row.delayed = rules.isDelay(row.promised, row.estimate);
        if (!row.fresh && !row.same(before)) {
            row.dirty = true;
        }
    }

    /**
     * Moves a milestone's estimate. A milestone the order does not have yet is added with this estimate.
     *
     * @return the move, or null when the estimate already was {@code date}
     * @throws InvalidOrderException when the estimate moves without a reason
     */
    PendingMove moveEstimate(
            Milestone milestone, LocalDate date, String reason, String by, JourneyProperties rules, Instant now) {
        checkDate("date", date);
        var row = milestones.get(milestone);
        if (row == null) {
            row = new MilestoneRow(milestone);
            row.fresh = true;
            row.estimate = date;
            milestones.put(milestone, row);
            updatedAt = now;
            return null;
        }
        if (date.equals(row.estimate)) {
            return null;
        }
        var moves = new ArrayList<PendingMove>();
        if (row.estimate == null) {
            row.estimate = date;
        } else {
            move(row, date, reason, by, rules, now, moves);
        }
        row.delayed = rules.isDelay(row.promised, row.estimate);
        if (!row.fresh) {
            row.dirty = true;
        }
        updatedAt = now;
        return moves.isEmpty() ? null : moves.get(0);
    }

    private void move(
            MilestoneRow row,
            LocalDate date,
            String reason,
            String by,
            JourneyProperties rules,
            Instant now,
            List<PendingMove> moves) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidOrderException(
                    "reason",
                    "The estimate of " + row.milestone + " moves from " + row.estimate + " to " + date
                            + "; give the reason the owner will read.");
        }
        var previous = row.estimate;
        row.previousEstimate = previous;
        row.estimate = date;
        row.reason = reason.strip();
        row.delayed = rules.isDelay(row.promised, date);
        moves.add(new PendingMove(this, row.milestone, row.promised, previous, date, row.reason, by, now, row.delayed));
    }

    /** The current stage: the latest milestone reached, or the first one planned while none is. */
    Milestone stage() {
        Milestone reached = null;
        for (var row : milestones.values()) {
            if (row.actual != null) {
                reached = row.milestone;
            }
        }
        if (reached != null) {
            return reached;
        }
        return milestones.isEmpty()
                ? Milestone.RESERVATION
                : milestones.keySet().iterator().next();
    }

    /** The date first promised for delivery, the segment queries' promised-date window. */
    LocalDate promisedDelivery() {
        var delivered = milestones.get(Milestone.DELIVERED);
        return delivered == null ? null : delivered.promised;
    }

    private Object fingerprint() {
        return Arrays.asList(
                customerId,
                model,
                configuration,
                region,
                postalCode,
                latitude,
                longitude,
                price,
                List.copyOf(tags),
                milestones.values().stream().map(MilestoneRow::fingerprint).toList());
    }

    /** The order as others see it, with its history of estimate changes. */
    public Order view(List<EstimateChange> history) {
        return new Order(
                ref,
                customerId,
                model,
                configuration,
                region,
                postalCode,
                latitude,
                longitude,
                Set.copyOf(tags),
                stage(),
                milestones.values().stream().map(MilestoneRow::status).toList(),
                history,
                createdAt,
                updatedAt,
                price);
    }

    /**
     * Refuses an order the journey cannot keep, naming the field: a malformed reference, a blank model, values too
     * long, half a position, a tag too long or too many, a date outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}.
     * The owner is checked by the caller, who knows the owners.
     */
    public static void validate(String ref, OrderDetails details) {
        validateRef(ref);
        if (details.model() == null || details.model().isBlank()) {
            throw new InvalidOrderException("model", "Every order needs its model, such as \"Aurora GT\".");
        }
        maxLength("model", details.model().strip(), MAX_MODEL);
        maxLength("configuration", details.configuration(), MAX_CONFIGURATION);
        maxLength("region", details.region(), MAX_REGION);
        maxLength("postalCode", details.postalCode(), MAX_POSTAL_CODE);
        if ((details.latitude() == null) != (details.longitude() == null)) {
            throw new InvalidOrderException(
                    "latitude", "Give both latitude and longitude of the delivery address, or neither.");
        }
        if (details.latitude() != null
                && (!(Math.abs(details.latitude()) <= 90) || !(Math.abs(details.longitude()) <= 180))) {
            throw new InvalidOrderException(
                    "latitude",
                    "latitude must be between -90 and 90 and longitude between -180 and 180, not " + details.latitude()
                            + ", " + details.longitude() + ".");
        }
        if (details.tags().size() > MAX_TAGS) {
            throw new InvalidOrderException(
                    "tags",
                    "An order takes at most " + MAX_TAGS + " tags, not "
                            + details.tags().size() + ".");
        }
        for (var tag : details.tags()) {
            if (tag == null || tag.isBlank() || tag.strip().length() > MAX_TAG) {
                throw new InvalidOrderException(
                        "tags", "A tag is 1 to " + MAX_TAG + " characters long; \"" + clip(tag) + "\" is not.");
            }
        }
        for (Map.Entry<Milestone, MilestonePlan> e : details.milestones().entrySet()) {
            checkDate(e.getKey() + " promised", e.getValue().promised());
            checkDate(e.getKey() + " estimate", e.getValue().estimate());
            checkDate(e.getKey() + " actual", e.getValue().actual());
        }
        maxLength("reason", details.reason(), MAX_REASON);
        if (details.by() == null || details.by().isBlank()) {
            throw new InvalidOrderException("by", "Say who makes this change.");
        }
        maxLength("by", details.by(), MAX_BY);
    }

    public static void validateRef(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new InvalidOrderException(
                    "ref",
                    "An order reference is 1 to " + MAX_REF
                            + " letters, digits, dots, dashes or underscores, starting with a letter or digit; \""
                            + clip(ref) + "\" is not.");
        }
    }

    static void checkDate(String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw new InvalidOrderException(
                    field,
                    field + " " + date + " is not a plausible date; use a date between " + FIRST_YEAR + " and "
                            + LAST_YEAR + ".");
        }
    }

    private static void maxLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidOrderException(
                    field, field + " is " + value.strip().length() + " characters long; at most " + max + " fit.");
        }
        if (value != null && value.indexOf('\0') >= 0) {
            throw new InvalidOrderException(field, field + " contains the NUL character, which cannot be stored.");
        }
    }

    static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JourneyOrder other && Objects.equals(ref, other.ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }
}
