package io.directline.customer.ownerpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.customer.Found;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The find box at scale: 1,000,000 owners with 3,000,000 handles (an e-mail address, a phone number and an X
 * handle each), inserted set-based in SQL (ids from 10^12), then the find box's whole query path ({@link
 * OwnerPage#find}, every finder: owners and cases) timed per kind of query: the start of a name (narrow and wide),
 * an e-mail address, a phone number typed with spaces and brackets, an X handle.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=OwnerFindBenchmark} (H2 in file mode) or with {@code -Ppostgres}.
 * {@code bench.find.owners} (default 1000000) and {@code bench.find.queries} (2000 per kind) tune it. Asserts that
 * each query finds its owner, never timing; the goal (p95 ≤ 20 ms) is read from the report.
 */
@Tag("bench")
@SpringBootTest
class OwnerFindBenchmark {

    private static final long ID_BASE = 1_000_000_000_000L;
    private static final int OWNERS = Integer.getInteger("bench.find.owners", 1_000_000);
    private static final int QUERIES = Integer.getInteger("bench.find.queries", 2_000);
    private static final int WARMUP = 500;
    private static final int CHUNK = 100_000;

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "owner-find");
    }

    @Autowired
    OwnerPage ownerPage;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void findsOwnersByEveryKindOfKeyAmongAMillion() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        double loadBefore = BenchSupport.loadAverage();
        long loadStart = System.nanoTime();
        load(postgres);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Map<String, LongFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("name prefix, narrow (`bench 12345`)", n -> "Bench " + Math.max(1, n / 10));
        kinds.put("name prefix, wide (`bench 4`)", n -> "Bench " + (1 + n % 9));
        kinds.put("e-mail (exact, any case)", n -> "Owner" + n + "@Bench.Example");
        kinds.put("phone (`+1 (555) 000-1234`)", OwnerFindBenchmark::typedPhone);
        kinds.put("X handle (`@bench_1234`)", n -> "@bench_" + n);

        var random = new Random(12);
        var rows = new ArrayList<String>();
        for (var kind : kinds.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                ownerPage.find(kind.getValue().apply(1 + random.nextInt(OWNERS)));
            }
            long[] nanos = new long[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                long n = 1 + random.nextInt(OWNERS);
                String query = kind.getValue().apply(n);
                long start = System.nanoTime();
                List<Found> found = ownerPage.find(query);
                nanos[i] = System.nanoTime() - start;
                assertThat(found).as("%s finds something", query).isNotEmpty();
                if (!kind.getKey().startsWith("name prefix")) {
                    assertThat(found.get(0).id()).as(query).isEqualTo(ID_BASE + n - 1);
                }
            }
            Arrays.sort(nanos);
            rows.add(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |",
                    kind.getKey(),
                    QUERIES,
                    nanos[nanos.length / 2] / 1e6,
                    nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6,
                    nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6,
                    nanos[nanos.length - 1] / 1e6));
        }
        double loadAfter = BenchSupport.loadAverage();

        var out = BenchSupport.reportHeader(
                "Find box: owner lookup among " + String.format(Locale.ROOT, "%,d", OWNERS) + " owners",
                BenchSupport.describeDatabase(dataSource),
                String.format(
                        Locale.ROOT,
                        "%,d owners and %,d rows in customer_handle (e-mail, phone, X handle each) loaded in %.1f s; %,d timed"
                                + " queries per kind after %d untimed, through OwnerPage.find (every finder)",
                        OWNERS,
                        3L * OWNERS,
                        loadSeconds,
                        QUERIES,
                        WARMUP),
                loadBefore,
                loadAfter);
        out.append("\n| query | queries | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        BenchSupport.write(postgres ? "owner-find-postgres.md" : "owner-find-h2.md", out);
        System.out.println(out);
    }

    /** The n-th owner's phone as a person would type it: {@code +1 (555) 000-1234}, stored {@code +15550001234}. */
    private static String typedPhone(long n) {
        String digits = String.format(Locale.ROOT, "%010d", 5_550_000_000L + n);
        return "+1 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    /** Owners (name "Bench n Owner", preferred e-mail and phone) and their three handles each, set-based. */
    private void load(boolean postgres) {
        var now = Timestamp.from(Instant.now());
        for (long done = 0; done < OWNERS; done += CHUNK) {
            long n = Math.min(CHUNK, OWNERS - done);
            String series = postgres
                    ? "generate_series(" + (done + 1) + ", " + (done + n) + ") as s(x)"
                    : "system_range(" + (done + 1) + ", " + (done + n) + ")";
            String number = "cast(x as varchar(20))";
            jdbc.update(
                    "insert into customer (id, name, name_key, email, phone, preferred_channel, time_zone, created_at,"
                            + " updated_at) select x + ?, concat('Bench ', " + number + ", ' Owner'),"
                            + " concat('bench ', " + number + ", ' owner'), concat('owner', " + number
                            + ", '@bench.example'), concat('+1', cast(5550000000 + x as varchar(20))), 'EMAIL',"
                            + " 'UTC', ?, ? from " + series,
                    ID_BASE - 1,
                    now,
                    now);
            handles(series, "EMAIL", 0, "concat('owner', " + number + ", '@bench.example')");
            handles(series, "PHONE", 1, "concat('+1', cast(5550000000 + x as varchar(20)))");
            handles(series, "X", 2, "concat('bench_', " + number + ")");
        }
        if (postgres) {
            jdbc.execute("analyze customer");
            jdbc.execute("analyze customer_handle");
        }
    }

    /** One handle of a kind for each owner of the series, verified, its lookup key as the handle model keeps it. */
    private void handles(String series, String kind, int offset, String key) {
        var now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, verified_at,"
                        + " created_at) select x * 3 + ?, x + ?, ?, " + key + ", " + key + ", true, ?, ? from "
                        + series,
                ID_BASE + offset,
                ID_BASE - 1,
                kind,
                now,
                now);
    }
}
