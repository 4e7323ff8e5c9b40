package io.directline.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.sla.clock.SlaWatchdog;
import io.directline.sla.promise.PromiseRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

@SpringBootTest(properties = "directline.sla.watchdog-interval=200ms")
class PromiseWatchdogTests {

    @Autowired
    Promises promises;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    BrokenPromises broken;

    @Autowired
    PromiseRepository repository;

    @Autowired
    SlaWatchdog watchdog;

    private final Actor agent = new Actor("admin", "Ada Admin", Channel.PORTAL);

    @Test
    void breaksAPromiseNobodyKeptOnceItIsDue() {
        long caseId = openCase();
        var promise = promises.record(
                caseId, "We will call you back in two seconds.", Instant.now().plusSeconds(2), "admin", agent);

        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(caseId, promise.getId()) == PromiseStatus.BROKEN);

        var broken = promises.ofCase(caseId).stream()
                .filter(p -> p.getId().equals(promise.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(broken.getBrokenAt()).isAfterOrEqualTo(promise.getDueAt());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> this.broken.of(promise.getId()).size() == 1);
        assertThat(this.broken.of(promise.getId()).get(0))
                .isEqualTo(
                        new PromiseBroken(caseId, promise.getId(), "admin", promise.getDueAt(), broken.getBrokenAt()));
    }

    @Test
    void leavesAKeptPromiseAlone() {
        long caseId = openCase();
        var promise = promises.record(
                caseId, "A loan car within two seconds.", Instant.now().plusSeconds(2), "admin", agent);
        promises.keep(caseId, promise.getId(), "The loan car is at your door.", agent);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> statusOf(caseId, promise.getId()) == PromiseStatus.KEPT);
        assertThat(broken.of(promise.getId())).isEmpty();
    }

    @Test
    void breaksEachDuePromiseOnceWhenSeveralNodesLookAtTheSameTime() throws Exception {
        long caseId = openCase();
        var past = Instant.now().minusSeconds(60);
        var due = repository.saveAll(IntStream.range(0, 30)
                .mapToObj(i -> new Promise(caseId, "Call back #" + i, past, "admin", "admin", past.minusSeconds(3600)))
                .toList());

        var nodes = Executors.newFixedThreadPool(3);
        try {
            var runs = List.of(
                    nodes.submit(watchdog::breakDue),
                    nodes.submit(watchdog::breakDue),
                    nodes.submit(watchdog::breakDue));
            for (var run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdown();
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> due.stream().allMatch(p -> statusOf(caseId, p.getId()) == PromiseStatus.BROKEN));
        for (var promise : due) {
            assertThat(broken.of(promise.getId()))
                    .as("PromiseBroken of %s", promise.getId())
                    .hasSize(1);
        }
    }

    private long openCase() {
        long owner =
                customers.register(CustomerFixtures.owner("Watchdog Owner")).getId();
        return cases.open(
                        new OpenCase(
                                owner,
                                "Call me back",
                                "Please call me.",
                                Channel.PORTAL,
                                Priority.NORMAL,
                                null,
                                null,
                                null),
                        agent)
                .getId();
    }

    private PromiseStatus statusOf(long caseId, long promiseId) {
        return promises.ofCase(caseId).stream()
                .filter(p -> p.getId() == promiseId)
                .findFirst()
                .orElseThrow()
                .getStatus();
    }

    @TestConfiguration
    static class Listening {

        @Bean
        BrokenPromises brokenPromises() {
            return new BrokenPromises();
        }
    }

    /**
     * Every PromiseBroken this context committed: a node whose transaction lost a race (on the case, while
     * climbing the ladder) and rolled back did not break the promise, even though it had published the event.
     */
    static class BrokenPromises {

        private final List<PromiseBroken> seen = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(PromiseBroken event) {
            seen.add(event);
        }

        List<PromiseBroken> of(long promiseId) {
            return seen.stream().filter(e -> e.promiseId() == promiseId).toList();
        }
    }
}
