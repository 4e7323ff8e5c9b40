package io.directline.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.journey.JourneyFixtures;
import io.directline.journey.Milestone;
import io.directline.journey.Orders;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Owners with orders to broadcast to, and broadcasts made over the API as a supervisor would. */
public final class BroadcastFixtures {

    /** A template with every personal field. */
    public static final String SUBJECT = "{firstName}, news about {orderRef}";

    public static final String FULL_TEXT = "Dear {firstName},\nyour order {orderRef} was due on {previousDate}."
            + " Because of {reason} it now arrives on {newDate}. We are sorry.";

    public static final String SHORT_TEXT = "{firstName}: {orderRef} now arrives {newDate}.";

    private BroadcastFixtures() {}

    /** A segment of every order of one model. */
    public static Map<String, Object> segmentOfModel(String model) {
        return Map.of("model", model);
    }

    /** The body of a create: a segment of one model and the fixture's template. */
    public static Map<String, Object> request(String model) {
        var body = new LinkedHashMap<String, Object>();
        body.put("segment", segmentOfModel(model));
        body.put("subject", SUBJECT);
        body.put("fullText", FULL_TEXT);
        body.put("shortText", SHORT_TEXT);
        return body;
    }

    /** Creates a broadcast to the owners of {@code model}'s orders; returns its JSON. */
    public static JsonNode create(ApiClient staff, String model) {
        var made = staff.post("/api/v1/broadcasts", request(model));
        assertThat(made.status()).as("create broadcast: %s", made).isEqualTo(201);
        return made.json();
    }

    /** Waits (at most a minute) until the broadcast's JSON satisfies {@code done}; returns it. */
    public static JsonNode await(ApiClient staff, long id, java.util.function.Predicate<JsonNode> done) {
        var until = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = staff.get("/api/v1/broadcasts/" + id).json();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("broadcast " + id + " did not get there in a minute: " + last);
    }

    /**
     * Gives each owner an order of {@code model} whose delivery moved from {@code previous} to {@code current} for
     * {@code reason}; returns the order references in the owners' order.
     */
    public static List<String> ordersOfModel(
            ApplicationContext context, List<Long> customerIds, String model, String reason) {
        var orders = context.getBean(Orders.class);
        var refs = new java.util.ArrayList<String>();
        for (long customerId : customerIds) {
            var ref = "ORD-" + UniqueNames.suffix();
            orders.upsert(ref, JourneyFixtures.order(customerId, model, PROMISED));
            orders.moveEstimate(ref, Milestone.DELIVERED, ESTIMATE, reason, "test");
            refs.add(ref);
        }
        return refs;
    }

    /** The delivery date first promised to the fixture's orders, and where the estimate moved. */
    public static final LocalDate PROMISED = LocalDate.of(2027, 3, 5);

    public static final LocalDate ESTIMATE = LocalDate.of(2027, 4, 16);
}
