package io.directline.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The watchdog's cost follows what is due, not what is open: a sweep of 1,000 due first-response clocks
 * among 10,000 open cases, then among 1,000,000. Each due clock is breached and its case climbs to the team
 * supervisor, with the trail entry, the supervisor's notification, the recovery promise and the owner's
 * notice — the whole real work. Open cases are inserted set-based in SQL (ids from 10^12), each with a
 * running first-response clock due in four hours.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=WatchdogSweepBenchmark} (H2 in file mode) or with
 * {@code -Ppostgres}. {@code bench.sweep.sizes} (default {@code 10000,1000000}), {@code bench.sweep.due}
 * (1000) and {@code bench.sweep.rounds} (3) tune it. Asserts correctness only, never timing.
 */
@Tag("bench")
@SpringBootTest(properties = "directline.sla.watchdog-interval=1h")
class WatchdogSweepBenchmark {

    private static final long ID_BASE = 1_000_000_000_000L;
    private static final int DUE = Integer.getInteger("bench.sweep.due", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.sweep.rounds", 3);
    private static final int[] SIZES = Arrays.stream(
                    System.getProperty("bench.sweep.sizes", "10000,1000000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "watchdog");
    }

    @Autowired
    SlaWatchdog watchdog;

    @Autowired
    StoredClockRepository clocks;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private long nextId = ID_BASE;
    private boolean postgres;

    @Test
    void aSweepCostsWhatIsDueNotWhatIsOpen() throws Exception {
        postgres = BenchSupport.onPostgres(dataSource);
        if (!users.exists("bench.supervisor")) {
            users.createUser(new NewUser(
                    "bench.supervisor",
                    "bench-password",
                    "Bench Supervisor",
                    null,
                    null,
                    Set.of(Role.SUPERVISOR),
                    null));
        }
        // warm-up: one sweep of the same size that is not measured, so the first size is not the JIT's
        insertCases(DUE, true);
        watchdog.sweep();
        double loadBefore = BenchSupport.loadAverage();
        var results = new ArrayList<Result>();
        long waiting = 0;
        for (int size : SIZES) {
            long insertStart = System.nanoTime();
            long toAdd = Math.max(0, size - DUE - waiting);
            insertCases(toAdd, false);
            waiting += toAdd;
            analyze();
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            var sweeps = new double[ROUNDS];
            var lookups = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long firstDue = nextId;
                insertCases(DUE, true);
                lookups[round] = lookupMillis();
                long start = System.nanoTime();
                int handled = watchdog.sweep();
                sweeps[round] = (System.nanoTime() - start) / 1e6;
                assertThat(handled).as("rows handled by the sweep").isGreaterThanOrEqualTo(DUE);
                assertThat(jdbc.queryForObject(
                                "select count(*) from sla_clock where case_id >= ? and breached_at is not null",
                                Long.class,
                                firstDue))
                        .isEqualTo((long) DUE);
                assertThat(jdbc.queryForObject(
                                "select count(*) from case_escalation where case_id >= ?", Long.class, firstDue))
                        .isEqualTo((long) DUE);
            }
            long open = jdbc.queryForObject("select count(*) from sla_clock where state = 'RUNNING'", Long.class);
            results.add(new Result(
                    size, open, insertSeconds, BenchSupport.median(sweeps), BenchSupport.median(lookups), sweeps));
        }
        double loadAfter = BenchSupport.loadAverage();
        report(results, loadBefore, loadAfter);
    }

    /** Inserts {@code count} open cases with a running first-response clock: due an hour ago, or in four hours. */
    private void insertCases(long count, boolean due) {
        if (count == 0) {
            return;
        }
        var now = Instant.now();
        var started = Timestamp.from(due ? now.minus(Duration.ofHours(5)) : now);
        var dueAt = Timestamp.from(due ? now.minus(Duration.ofHours(1)) : now.plus(Duration.ofHours(4)));
        long chunk = 200_000;
        for (long done = 0; done < count; done += chunk) {
            long n = Math.min(chunk, count - done);
            long base = nextId;
            nextId += n;
            String series = postgres ? "generate_series(1, " + n + ") as s(x)" : "system_range(1, " + n + ")";
            jdbc.update(
                    "insert into customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                            + " select x + ?, 'Bench Owner', 'bench owner', 'PORTAL', 'UTC', ?, ? from " + series,
                    base - 1,
                    started,
                    started);
            jdbc.update(
                    "insert into support_case (id, customer_id, subject, status, priority, channel, created_at,"
                            + " updated_at, sla_due_at) select x + ?, x + ?, 'Bench case', 'OPEN', 'NORMAL',"
                            + " 'PORTAL', ?, ?, ? from " + series,
                    base - 1,
                    base - 1,
                    started,
                    started,
                    dueAt);
            jdbc.update("insert into case_sla (case_id, policy_id) select x + ?, 1 from " + series, base - 1);
            jdbc.update(
                    "insert into sla_clock (id, case_id, kind, policy_id, state, target_millis, used_millis,"
                            + " started_at, last_change, due_at, watch_at) select x + ?, x + ?, 'FIRST_RESPONSE',"
                            + " 1, 'RUNNING', 14400000, 0, ?, ?, ?, ? from " + series,
                    base - 1,
                    base - 1,
                    started,
                    started,
                    dueAt,
                    dueAt);
        }
    }

    private void analyze() {
        if (postgres) {
            jdbc.execute("analyze customer, support_case, case_sla, sla_clock");
        }
    }

    /** The watchdog's question alone — the first batch of due clocks — median of 21 asks. */
    private double lookupMillis() {
        var times = new double[21];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            var due = clocks.findDue(Instant.now(), PageRequest.of(0, SlaWatchdog.BATCH_SIZE));
            times[i] = (System.nanoTime() - start) / 1e6;
            assertThat(due).hasSize(Math.min(DUE, SlaWatchdog.BATCH_SIZE));
        }
        return BenchSupport.median(times);
    }

    record Result(
            int size, long running, double insertSeconds, double sweepMillis, double lookupMillis, double[] all) {}

    private void report(List<Result> results, double loadBefore, double loadAfter) throws Exception {
        var out = BenchSupport.reportHeader(
                "Watchdog sweep: " + DUE + " due among open cases",
                BenchSupport.describeDatabase(dataSource),
                ROUNDS + " rounds per size, median reported",
                loadBefore,
                loadAfter);
        out.append("\n| open cases | running clocks | sweep of ")
                .append(DUE)
                .append(" due (median) | per due row")
                .append(" | due lookup, first batch (median) | all sweeps (ms) |\n|---|---|---|---|---|---|\n");
        for (var r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %.0f ms | %.2f ms | %.2f ms | %s |%n",
                    r.size(),
                    r.running(),
                    r.sweepMillis(),
                    r.sweepMillis() / DUE,
                    r.lookupMillis(),
                    Arrays.toString(
                            Arrays.stream(r.all()).mapToLong(Math::round).toArray())));
        }
        if (results.size() > 1) {
            double ratio = results.get(results.size() - 1).sweepMillis()
                    / results.get(0).sweepMillis();
            out.append(String.format(
                    Locale.ROOT,
                    "%nSweep at %,d open / sweep at %,d open: **%.2f×** (the goal is at most 2×).%n",
                    results.get(results.size() - 1).size(),
                    results.get(0).size(),
                    ratio));
        }
        var chart = BenchSupport.barChart(
                "Watchdog sweep of " + DUE + " due clocks",
                BenchSupport.describeDatabase(dataSource),
                "ms (median)",
                "open cases",
                results.stream()
                        .map(r -> String.format(Locale.ROOT, "%,d", r.size()))
                        .toList(),
                results.stream()
                        .map(r -> String.format(Locale.ROOT, "lookup %.1f ms", r.lookupMillis()))
                        .toList(),
                List.of(new BenchSupport.Series(
                        "sweep",
                        "#3b6ea5",
                        results.stream().mapToDouble(Result::sweepMillis).toArray())));
        BenchSupport.write("watchdog.md", out);
        BenchSupport.write("watchdog.svg", chart);
        System.out.println(out);
    }
}
