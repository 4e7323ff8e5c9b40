package io.directline.escalation.office;

import static io.directline.escalation.EscalationFixtures.REASON;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Fifty attempts of one owner at once, spread over five of their cases, with no cool-down to slow them: the
 * guard decides them one after the other, so no more escalations are made than the quota allows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"directline.escalation.cooldown=0s", "directline.escalation.quota=2"})
class ParallelEscalationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void fiftyParallelAttemptsCreateAtMostTheQuota() throws Exception {
        var admin = IdentityFixtures.admin(port);
        IdentityFixtures.staff(port, admin, "EXECUTIVE");
        var owner = CustomerFixtures.owner(port, admin, "Impatient Owner");
        var cases = IntStream.range(0, 5)
                .mapToObj(i -> EscalationFixtures.oldCase(context, owner.customerId(), Duration.ofDays(3)))
                .toList();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(50);
        try {
            var attempts = new ArrayList<Callable<ApiClient.Response>>();
            for (int i = 0; i < 50; i++) {
                long caseId = cases.get(i % cases.size());
                attempts.add(() -> {
                    start.await();
                    return EscalationFixtures.escalate(owner.client(), caseId, REASON);
                });
            }
            var futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get().status());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
            assertThat(statuses)
                    .as("every other attempt is refused by the quota or because its case is already escalated")
                    .filteredOn(s -> s != 201)
                    .allMatch(s -> s == 429 || s == 409);
            long made = cases.stream()
                    .mapToLong(id -> admin.get("/api/v1/cases/" + id + "/executive-escalations")
                            .json()
                            .path("escalations")
                            .size())
                    .sum();
            assertThat(made).as("escalations stored").isEqualTo(2);
            long attemptsRecorded = cases.stream()
                    .mapToLong(id -> admin.get("/api/v1/cases/" + id + "/executive-escalations")
                            .json()
                            .path("attempts")
                            .size())
                    .sum();
            assertThat(attemptsRecorded).as("every attempt is on record").isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
