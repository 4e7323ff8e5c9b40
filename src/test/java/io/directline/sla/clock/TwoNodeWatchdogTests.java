package io.directline.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.DirectLineApplication;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.sla.PromiseBroken;
import io.directline.sla.Promises;
import io.directline.sla.SlaBreached;
import io.directline.testsupport.IsolatedDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Two application contexts — two nodes — on one database of their own, sweeping the same due clocks and
 * promises at the same time: every breach and every broken promise is handled by exactly one of them, and
 * each case climbs exactly once per deadline. On PostgreSQL (CI's second run) the nodes share a real
 * PostgreSQL database, as a cluster does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeWatchdogTests {

    static final int CASES = 60;

    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodes() {
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    void stopNodes() {
        Stream.of(nodeA, nodeB).filter(java.util.Objects::nonNull).forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyDueClockAndPromiseIsHandledByExactlyOneNode() throws Exception {
        var users = nodeA.getBean(UserManagement.class);
        var cases = nodeA.getBean(CaseManagement.class);
        var customers = nodeA.getBean(CustomerManagement.class);
        var promises = nodeA.getBean(Promises.class);
        var jdbc = nodeA.getBean(JdbcTemplate.class);
        var supervisor = "supervisor.two-nodes." + System.nanoTime();
        users.createUser(new NewUser(
                supervisor, "two-nodes-password", "Sam Supervisor", null, null, Set.of(Role.SUPERVISOR), null));
        var actor = new Actor(supervisor, "Sam Supervisor", Channel.PORTAL);

        var caseIds = new ArrayList<Long>();
        var promiseIds = new ArrayList<Long>();
        for (int i = 0; i < CASES; i++) {
            long owner =
                    customers.register(CustomerFixtures.owner("Node Owner")).getId();
            long caseId = cases.open(
                            new OpenCase(
                                    owner, "Case " + i, "Hello", Channel.PORTAL, Priority.NORMAL, null, null, null),
                            actor)
                    .getId();
            caseIds.add(caseId);
            promiseIds.add(promises.record(
                            caseId, "Call back #" + i, Instant.now().plus(Duration.ofHours(1)), supervisor, actor)
                    .getId());
        }
        // the first-response clocks started five hours ago (4 h target) and the promises were due a minute ago
        var started = Timestamp.from(Instant.now().minus(Duration.ofHours(5)));
        var due = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        var promiseDue = Timestamp.from(Instant.now().minus(Duration.ofMinutes(1)));
        for (long caseId : caseIds) {
            jdbc.update(
                    "update sla_clock set started_at = ?, last_change = ?, due_at = ?, watch_at = ?"
                            + " where case_id = ? and kind = 'FIRST_RESPONSE'",
                    started,
                    started,
                    due,
                    due,
                    caseId);
        }
        for (long promiseId : promiseIds) {
            jdbc.update("update promise set due_at = ? where id = ?", promiseDue, promiseId);
        }

        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (var node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                sweeps.add(pool.submit(() -> node.getBean(SlaWatchdog.class).sweep()));
            }
            for (var sweep : sweeps) {
                sweep.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        // rows whose handling lost a race on the same case are retried by the next sweep, as the schedule would
        while (nodeA.getBean(SlaWatchdog.class).sweep()
                        + nodeB.getBean(SlaWatchdog.class).sweep()
                > 0) {}

        var breaches = new HashMap<Long, Integer>();
        var broken = new HashMap<Long, Integer>();
        for (var node : List.of(nodeA, nodeB)) {
            var handled = node.getBean(Handled.class);
            handled.breaches().forEach(e -> breaches.merge(e.caseId(), 1, Integer::sum));
            handled.broken().forEach(e -> broken.merge(e.promiseId(), 1, Integer::sum));
        }
        for (int i = 0; i < CASES; i++) {
            assertThat(breaches.get(caseIds.get(i)))
                    .as("SlaBreached of case %s", caseIds.get(i))
                    .isEqualTo(1);
            assertThat(broken.get(promiseIds.get(i)))
                    .as("PromiseBroken of promise %s", promiseIds.get(i))
                    .isEqualTo(1);
        }
        Map<Long, Integer> climbs = new HashMap<>();
        jdbc.query("select case_id, count(*) from case_escalation group by case_id", rs -> {
            climbs.put(rs.getLong(1), rs.getInt(2));
        });
        for (long caseId : caseIds) {
            assertThat(climbs.get(caseId)).as("climbs of case %s", caseId).isEqualTo(2);
        }
    }

    @Test
    void aClockAnotherNodeRescheduledAfterThisNodeReadItIsNotBreached() {
        var users = nodeA.getBean(UserManagement.class);
        var cases = nodeA.getBean(CaseManagement.class);
        var customers = nodeA.getBean(CustomerManagement.class);
        var jdbc = nodeA.getBean(JdbcTemplate.class);
        var agent = "agent.reschedule." + System.nanoTime();
        users.createUser(new NewUser(agent, "reschedule-password", "Ria Agent", null, null, Set.of(Role.AGENT), null));
        long owner = customers.register(CustomerFixtures.owner("Moved Owner")).getId();
        long caseId = cases.open(
                        new OpenCase(owner, "Moved", "Hello", Channel.PORTAL, Priority.NORMAL, null, null, null),
                        new Actor(agent, "Ria Agent", Channel.PORTAL))
                .getId();
        var started = Timestamp.from(Instant.now().minus(Duration.ofHours(5)));
        var due = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc.update(
                "update sla_clock set started_at = ?, last_change = ?, due_at = ?, watch_at = ?"
                        + " where case_id = ? and kind = 'FIRST_RESPONSE'",
                started,
                started,
                due,
                due,
                caseId);
        var repository = nodeA.getBean(StoredClockRepository.class);
        var now = Instant.now();
        // node A reads what is due: the clock is among it
        var seen = repository.findDue(now, org.springframework.data.domain.PageRequest.of(0, 10_000)).stream()
                .filter(c -> c.getCaseId() == caseId)
                .findFirst()
                .orElseThrow();
        // node B moves its due time into the future (as a changed policy or a paused clock would) and commits
        var later = Timestamp.from(now.plus(Duration.ofHours(3)));
        nodeB.getBean(JdbcTemplate.class)
                .update("update sla_clock set due_at = ?, watch_at = ? where id = ?", later, later, seen.getId());

        var claimed = nodeA.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .execute(tx -> repository.claim(seen.getId(), now));

        assertThat(claimed).as("a claim of a clock that is no longer due").isEmpty();
        nodeA.getBean(SlaWatchdog.class).breachDue();
        assertThat(jdbc.queryForObject("select count(*) from case_escalation where case_id = ?", Integer.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_clock where case_id = ? and breached_at is not null",
                        Integer.class,
                        caseId))
                .isZero();
    }

    private static ConfigurableApplicationContext node() {
        var properties = new ArrayList<String>();
        IsolatedDatabase.properties("twonodes").forEach((name, value) -> properties.add(name + "=" + value));
        properties.add("directline.sla.watchdog-interval=1h");
        properties.add("directline.demo.enabled=false");
        properties.add("server.port=0");
        return new SpringApplicationBuilder(DirectLineApplication.class, Handled.class)
                // as arguments, which outrank the suite's system properties (its shared database's URL)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /** What one node handled and committed (a transaction that lost a race and rolled back does not count). */
    static class Handled {

        // read through methods: the context may hand out a proxy of this bean, whose own fields stay empty
        private final List<SlaBreached> breaches = new CopyOnWriteArrayList<>();
        private final List<PromiseBroken> broken = new CopyOnWriteArrayList<>();

        List<SlaBreached> breaches() {
            return breaches;
        }

        List<PromiseBroken> broken() {
            return broken;
        }

        @TransactionalEventListener
        void on(SlaBreached event) {
            breaches.add(event);
        }

        @TransactionalEventListener
        void on(PromiseBroken event) {
            broken.add(event);
        }
    }
}
