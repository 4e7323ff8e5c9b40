package io.directline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.testsupport.IsolatedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose listener failed is delivered again by the schedule, without a restart, and while it waits
 * the health and the gauge say so. On a database of its own: the suite's other contexts have no such
 * listener and would resubmit its events too.
 */
@SpringBootTest(
        properties = {
            "directline.events.resubmit-after=1s",
            "directline.events.resubmit-interval=300ms",
            "directline.events.stuck-after=3s"
        })
class EventRedeliveryTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties("eventredelivery").forEach((name, value) -> registry.add(name, () -> value));
    }

    public record Pinged(String id) {}

    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> DELIVERED = new ConcurrentHashMap<>();
    /** Ids whose listener fails the first time. */
    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    /** Ids whose listener fails until they are taken out. */
    static final Set<String> FAIL_ALWAYS = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    static class FlakyListener {
        @ApplicationModuleListener
        void on(Pinged pinged) {
            int call = CALLS.computeIfAbsent(pinged.id(), id -> new AtomicInteger())
                    .incrementAndGet();
            if ((call == 1 && FAIL_ONCE.contains(pinged.id())) || FAIL_ALWAYS.contains(pinged.id())) {
                throw new IllegalStateException("The listener fails (call " + call + ")");
            }
            DELIVERED.computeIfAbsent(pinged.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    MeterRegistry metrics;

    private void publish(String id) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new Pinged(id)));
    }

    private static int delivered(String id) {
        var count = DELIVERED.get(id);
        return count == null ? 0 : count.get();
    }

    @Test
    void anEventWhoseListenerFailedOnceIsDeliveredAgainWithoutARestart() {
        var id = "once-" + UUID.randomUUID();
        FAIL_ONCE.add(id);

        publish(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id) == 1);
        assertThat(CALLS.get(id).get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> redelivery.waiting().count() == 0);
        // and not again afterwards
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(delivered(id)).isEqualTo(1);
    }

    @Test
    void anEventStuckLongerThanTheThresholdTurnsTheHealthDownUntilItIsDelivered() {
        var id = "stuck-" + UUID.randomUUID();
        FAIL_ALWAYS.add(id);

        publish(id);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DOWN".equals(redelivery.health().getStatus().getCode()));
        assertThat(redelivery.health().getDetails()).containsKey("reason");
        assertThat((Long) redelivery.health().getDetails().get("incomplete")).isGreaterThanOrEqualTo(1L);
        assertThat(metrics.get("directline.events.incomplete").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(CALLS.get(id).get()).as("delivered again while it fails").isGreaterThan(1);

        FAIL_ALWAYS.remove(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "UP".equals(redelivery.health().getStatus().getCode()));
        assertThat(metrics.get("directline.events.incomplete").gauge().value()).isZero();
    }
}
