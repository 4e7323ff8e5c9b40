package io.directline.journey;

import io.directline.customer.CustomerManagement;
import io.directline.journey.order.JourneyOrder;
import io.directline.journey.order.OrderBook;
import io.directline.journey.order.OrderStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journey module's API for orders: upsert from the system of record, move an estimate, read an order with its
 * milestones and history. Every moved estimate publishes an {@link OrderEstimateChanged} in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Orders {

    private final OrderBook book;
    private final OrderStore store;
    private final CustomerManagement customers;

    Orders(OrderBook book, OrderStore store, CustomerManagement customers) {
        this.book = book;
        this.store = store;
        this.customers = customers;
    }

    /**
     * Creates or updates the order {@code ref} from what the system of record says; the same details twice change
     * nothing the second time. An owner merged into another is replaced by the owner they were merged into.
     *
     * @throws InvalidOrderException (400) for a malformed reference or field, an unknown owner, or an estimate that
     *     moves without a reason
     */
    @Transactional
    public Upserted upsert(String ref, OrderDetails details) {
        JourneyOrder.validate(ref, details);
        var owner = customers.standingOwners(List.of(details.customerId())).get(details.customerId());
        if (owner == null) {
            throw new InvalidOrderException(
                    "customerId", "customerId " + details.customerId() + " names no owner; register the owner first.");
        }
        var outcome = book.upsert(List.of(Map.entry(ref, withOwner(details, owner))));
        if (!outcome.refused().isEmpty()) {
            throw outcome.refused().values().iterator().next();
        }
        return outcome.outcomes().get(0);
    }

    /**
     * Upserts many orders in one transaction with batched statements, each as {@link #upsert} would; orders that
     * cannot be kept are refused one by one and the rest applied. Owners must exist: the caller resolved them.
     *
     * @return what each entry did, or why it was refused, in the order given
     */
    @Transactional
    public Upserts upsertAll(List<Map.Entry<String, OrderDetails>> orders) {
        var valid = new ArrayList<Map.Entry<String, OrderDetails>>(orders.size());
        var positions = new ArrayList<Integer>(orders.size());
        var refused = new java.util.LinkedHashMap<Integer, InvalidOrderException>();
        for (int i = 0; i < orders.size(); i++) {
            try {
                JourneyOrder.validate(orders.get(i).getKey(), orders.get(i).getValue());
                valid.add(orders.get(i));
                positions.add(i);
            } catch (InvalidOrderException e) {
                refused.put(i, e);
            }
        }
        var applied = book.upsert(valid);
        var outcomes = new ArrayList<Upserted>(java.util.Collections.nCopies(orders.size(), (Upserted) null));
        for (int j = 0; j < valid.size(); j++) {
            outcomes.set(positions.get(j), applied.outcomes().get(j));
        }
        applied.refused().forEach((j, e) -> refused.put(positions.get(j), e));
        return new Upserts(outcomes, refused);
    }

    /**
     * Moves the estimate of one milestone of an order (adding the milestone when the order has none yet).
     *
     * @return whether the estimate moved: false when it already was {@code date}
     * @throws OrderNotFoundException (404) for an unknown reference
     * @throws InvalidOrderException (400) when it moves without a reason, or for a date outside the plausible years
     */
    @Transactional
    public boolean moveEstimate(String ref, Milestone milestone, LocalDate date, String reason, String by) {
        if (by == null || by.isBlank()) {
            throw new InvalidOrderException("by", "Say who moves the estimate.");
        }
        if (reason != null && reason.strip().length() > JourneyOrder.MAX_REASON) {
            throw new InvalidOrderException(
                    "reason",
                    "reason is " + reason.strip().length() + " characters long; at most " + JourneyOrder.MAX_REASON
                            + " fit.");
        }
        return book.moveEstimate(ref, milestone, date, reason, by);
    }

    /** The order with its milestones and its history of estimate changes; empty for an unknown reference. */
    public Optional<Order> find(String ref) {
        return store.byRef(ref).map(o -> o.view(store.history(List.of(o.id())).getOrDefault(o.id(), List.of())));
    }

    /** The owner's orders by reference, each with its milestones and history; empty for an owner without any. */
    public List<Order> ofCustomer(long customerId) {
        var orders = store.ofCustomer(customerId);
        var history = store.history(orders.stream().map(JourneyOrder::id).toList());
        return orders.stream()
                .map(o -> o.view(history.getOrDefault(o.id(), List.of())))
                .toList();
    }

    /**
     * The owner's priced orders, as purchases, first purchased first; one indexed read. Orders without a price are
     * left out.
     */
    public List<Purchase> purchasesOf(long customerId) {
        return store.purchasesOf(customerId);
    }

    /** How many owners have an order with this tag (such as {@code referred-by:42}); one read of the tag index. */
    public long ownersTagged(String tag) {
        return store.ownersTagged(tag);
    }

    private static OrderDetails withOwner(OrderDetails d, long owner) {
        return owner == d.customerId()
                ? d
                : new OrderDetails(
                        owner,
                        d.model(),
                        d.configuration(),
                        d.region(),
                        d.postalCode(),
                        d.latitude(),
                        d.longitude(),
                        d.tags(),
                        d.milestones(),
                        d.reason(),
                        d.by(),
                        d.price());
    }
}
