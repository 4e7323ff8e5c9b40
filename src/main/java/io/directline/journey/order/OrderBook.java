package io.directline.journey.order;

import io.directline.journey.InvalidOrderException;
import io.directline.journey.JourneyProperties;
import io.directline.journey.Milestone;
import io.directline.journey.OrderDetails;
import io.directline.journey.OrderNotFoundException;
import io.directline.journey.Upserted;
import io.directline.journey.Upserts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies upserts and moved estimates to stored orders, many at a time, and publishes an
 * {@link io.directline.journey.OrderEstimateChanged} for each moved estimate in the caller's transaction.
 */
@Component
public class OrderBook {

    private final OrderStore store;
    private final JourneyProperties rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderBook(OrderStore store, JourneyProperties rules, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies each order in turn (a reference given twice is applied twice, in order), then writes all with batched
     * statements. Owners must have been checked by the caller; the details validated
     * ({@link JourneyOrder#validate}).
     */
    public Upserts upsert(List<Map.Entry<String, OrderDetails>> orders) {
        var now = clock.instant();
        var known = store.byRefs(orders.stream().map(Map.Entry::getKey).toList());
        var created = new LinkedHashMap<String, JourneyOrder>();
        var changed = new LinkedHashMap<String, JourneyOrder>();
        var moves = new ArrayList<JourneyOrder.PendingMove>();
        var outcomes = new ArrayList<Upserted>(orders.size());
        var refused = new LinkedHashMap<Integer, InvalidOrderException>();
        for (var entry : orders) {
            var ref = entry.getKey();
            try {
                var order = created.containsKey(ref) ? created.get(ref) : known.get(ref);
                if (order == null) {
                    created.put(ref, JourneyOrder.create(ref, entry.getValue(), rules, now, moves));
                    outcomes.add(Upserted.CREATED);
                } else if (order.apply(entry.getValue(), rules, now, moves)) {
                    if (!created.containsKey(ref)) {
                        changed.put(ref, order);
                    }
                    outcomes.add(Upserted.CHANGED);
                } else {
                    outcomes.add(Upserted.UNCHANGED);
                }
            } catch (InvalidOrderException e) {
                refused.put(outcomes.size(), e);
                outcomes.add(null);
            }
        }
        store.write(List.copyOf(created.values()), List.copyOf(changed.values()), moves);
        moves.forEach(m -> events.publishEvent(m.event()));
        return new Upserts(outcomes, refused);
    }

    /**
     * Moves one milestone's estimate.
     *
     * @return whether it moved (false when it already was {@code date})
     * @throws OrderNotFoundException for an unknown reference
     * @throws InvalidOrderException when it moves without a reason
     */
    public boolean moveEstimate(String ref, Milestone milestone, LocalDate date, String reason, String by) {
        var order = store.byRef(ref).orElseThrow(() -> new OrderNotFoundException(ref));
        var before = order.milestones.get(milestone);
        var beforeEstimate = before == null ? null : before.estimate;
        var move = order.moveEstimate(milestone, date, reason, by, rules, clock.instant());
        boolean moved = !date.equals(beforeEstimate);
        if (moved) {
            store.write(List.of(), List.of(order), move == null ? List.of() : List.of(move));
        }
        if (move != null) {
            events.publishEvent(move.event());
        }
        return moved;
    }
}
