package io.directline.journey.order;

import io.directline.customer.CustomerManagement;
import io.directline.customer.Finder;
import io.directline.customer.Found;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The find box's orders: an order reference typed whole or its start (journey_order_ref_uk serves both), as typed
 * and in capitals, leading to the order's owner.
 */
@Component
@Order(5)
class OrderFinder implements Finder {

    private final NamedParameterJdbcTemplate named;
    private final CustomerManagement customers;

    OrderFinder(JdbcTemplate jdbc, CustomerManagement customers) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.customers = customers;
    }

    private record Hit(String ref, long customerId, String model, String stage) {}

    @Override
    @Transactional(readOnly = true)
    public List<Found> find(String query, int limit) {
        if (query.length() > JourneyOrder.MAX_REF || query.chars().anyMatch(Character::isWhitespace)) {
            return List.of();
        }
        var hits = new LinkedHashMap<String, Hit>();
        for (var typed : List.of(query, query.toUpperCase(Locale.ROOT))) {
            if (hits.size() >= limit) {
                break;
            }
            var prefix = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            named.query(
                    "select ref, customer_id, model, current_milestone from journey_order"
                            + " where ref = :exact or ref like :prefix escape '\\' order by ref limit :limit",
                    Map.of("exact", typed, "prefix", prefix, "limit", limit),
                    rs -> {
                        hits.putIfAbsent(
                                rs.getString("ref"),
                                new Hit(
                                        rs.getString("ref"),
                                        rs.getLong("customer_id"),
                                        rs.getString("model"),
                                        rs.getString("current_milestone")));
                    });
        }
        var exact = hits.remove(query);
        var ordered = new ArrayList<Hit>();
        if (exact != null) {
            ordered.add(exact);
        }
        ordered.addAll(hits.values());
        var names = customers.namesOf(ordered.stream().map(Hit::customerId).toList());
        var found = new ArrayList<Found>();
        for (var hit : ordered) {
            if (found.size() == limit) {
                break;
            }
            found.add(new Found(
                    Found.Kind.OWNER,
                    hit.customerId(),
                    names.getOrDefault(hit.customerId(), "Owner " + hit.customerId()),
                    "order " + hit.ref() + " · " + hit.model(),
                    "/customers/" + hit.customerId()));
        }
        return found;
    }
}
