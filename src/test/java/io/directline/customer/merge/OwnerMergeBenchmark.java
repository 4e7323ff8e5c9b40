package io.directline.customer.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.customer.OwnerMerges;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Merging an owner with 1,000 cases (each with two messages and a promise, the owner with an outgoing message per
 * case and three handles) into another owner: one call of {@link OwnerMerges#merge}, one transaction, every module's
 * rows following by their listeners; then its undo. The data is inserted set-based in SQL.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=OwnerMergeBenchmark} (H2 in file mode) or with {@code -Ppostgres}.
 * {@code bench.merge.cases} (1000) and {@code bench.merge.rounds} (3) tune it. Asserts correctness only.
 */
@Tag("bench")
@SpringBootTest
class OwnerMergeBenchmark {

    private static final int CASES = Integer.getInteger("bench.merge.cases", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.merge.rounds", 3);

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "merge");
    }

    @Autowired
    OwnerMerges merges;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private boolean postgres;

    @Test
    void mergingAnOwnerWithAThousandCasesTakesWellUnderASecond() throws Exception {
        postgres = BenchSupport.onPostgres(dataSource);
        mergeAndUndo(); // warm-up, not measured
        double loadBefore = BenchSupport.loadAverage();
        var mergeMillis = new double[ROUNDS];
        var undoMillis = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            var times = mergeAndUndo();
            mergeMillis[round] = times[0];
            undoMillis[round] = times[1];
        }
        double loadAfter = BenchSupport.loadAverage();
        var out = BenchSupport.reportHeader(
                "Owner merge: " + CASES + " cases, " + 2 * CASES + " messages, " + CASES + " promises",
                BenchSupport.describeDatabase(dataSource),
                ROUNDS + " rounds, median reported; one transaction each",
                loadBefore,
                loadAfter);
        out.append("\n| cases moved | merge (median) | undo (median) | all merges (ms) | all undos (ms) |\n")
                .append("|---:|---:|---:|---|---|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %,d | %.0f ms | %.0f ms | %s | %s |%n",
                        CASES,
                        BenchSupport.median(mergeMillis),
                        BenchSupport.median(undoMillis),
                        Arrays.toString(Arrays.stream(mergeMillis)
                                .mapToLong(Math::round)
                                .toArray()),
                        Arrays.toString(
                                Arrays.stream(undoMillis).mapToLong(Math::round).toArray())));
        BenchSupport.write("merge.md", out);
        System.out.println(out);
    }

    /** A fresh pair of owners, the one with {@link #CASES} cases; merged, then undone. Returns {merge ms, undo ms}. */
    private double[] mergeAndUndo() {
        long into = nextId("customer");
        long from = into + 1;
        var now = Timestamp.from(Instant.now());
        for (long id : List.of(into, from)) {
            jdbc.update(
                    "insert into customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                            + " values (?, 'Bench Merge', 'bench merge', 'EMAIL', 'UTC', ?, ?)",
                    id,
                    now,
                    now);
        }
        long handle = nextId("customer_handle");
        for (var kind : List.of("EMAIL", "PHONE", "X")) {
            jdbc.update(
                    "insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, created_at)"
                            + " values (?, ?, ?, ?, ?, false, ?)",
                    handle,
                    from,
                    kind,
                    "bench-" + handle,
                    "bench-" + handle,
                    now);
            handle++;
        }
        long caseBase = nextId("support_case");
        String series = postgres ? "generate_series(1, " + CASES + ") as s(x)" : "system_range(1, " + CASES + ")";
        jdbc.update(
                "insert into support_case (id, customer_id, subject, status, priority, channel, created_at, updated_at)"
                        + " select x + ?, ?, 'Bench case', 'OPEN', 'NORMAL', 'EMAIL', ?, ? from " + series,
                caseBase,
                from,
                now,
                now);
        long messageBase = nextId("case_message");
        for (int m = 0; m < 2; m++) {
            jdbc.update(
                    "insert into case_message (id, case_id, direction, channel, author, body, created_at)"
                            + " select x + ?, x + ?, 'INBOUND', 'EMAIL', 'Bench', 'The oven door.', ? from " + series,
                    messageBase + (long) m * CASES,
                    caseBase,
                    now);
        }
        long promiseBase = nextId("promise");
        jdbc.update(
                "insert into promise (id, case_id, description, due_at, responsible, status, created_by, created_at)"
                        + " select x + ?, x + ?, 'We call back.', ?, 'admin', 'OPEN', 'admin', ? from " + series,
                promiseBase,
                caseBase,
                Timestamp.from(Instant.now().plus(Duration.ofDays(2))),
                now);
        if (postgres) {
            jdbc.execute("analyze support_case, case_message, promise, customer_handle");
        }

        long start = System.nanoTime();
        var merged = merges.merge(into, from, "bench", "bench");
        double mergeMillis = (System.nanoTime() - start) / 1e6;
        assertThat(count(into)).isEqualTo((long) CASES);
        assertThat(merged.moved()).containsEntry("support_case", CASES).containsEntry("customer_handle", 3);

        start = System.nanoTime();
        merges.undo(into, merged.id(), "bench");
        double undoMillis = (System.nanoTime() - start) / 1e6;
        assertThat(count(from)).isEqualTo((long) CASES);
        assertThat(count(into)).isZero();
        return new double[] {mergeMillis, undoMillis};
    }

    private long count(long owner) {
        return jdbc.queryForObject("select count(*) from support_case where customer_id = ?", Long.class, owner);
    }

    /** Ids far above what the sequences hand out, so the inserted rows never meet the application's. */
    private long nextId(String table) {
        long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        return Math.max(max, 3_000_000_000_000L) + 1_000_000;
    }
}
