package io.directline.experience;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.testsupport.ApiClient;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The experience ledger and the prioritised inbox at scale: {@code bench.owners} owners (default 1,000,000), each
 * with a standing, {@code bench.entries} ledger entries (5,000,000) spread over the last 400 days (one in thirteen
 * bad), and {@code bench.cases} open cases (100,000) with their SLA due times and stakes, all inserted set-based.
 * Then an owner's balance, computed anew from the ledger as the experience API does ({@code bench.rounds}, default
 * 2,000 random owners, p50/p95/p99), and the inbox's first page in its default order, most at stake first, over
 * real HTTP (200 rounds).
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=ExperienceBenchmark} (H2 in file mode) or with {@code
 * -Ppostgres}. Asserts correctness only, never timing.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=1h")
class ExperienceBenchmark {

    private static final long ID_BASE = 3_000_000_000_000L;
    private static final int OWNERS = Integer.getInteger("bench.owners", 1_000_000);
    private static final int ENTRIES = Integer.getInteger("bench.entries", 5_000_000);
    private static final int CASES = Integer.getInteger("bench.cases", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2_000);
    private static final int PAGES = 200;

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "experience");
    }

    @LocalServerPort
    int port;

    @Autowired
    Experience experience;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void balancesAndThePrioritisedInboxAtScale() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        var now = Instant.now();
        long seedStart = System.nanoTime();
        seed(postgres, now);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        double loadBefore = BenchSupport.loadAverage();
        var random = new Random(14);
        for (int i = 0; i < 200; i++) { // warm-up
            experience.standingOf(ID_BASE + 1 + random.nextInt(OWNERS));
        }
        var balance = new double[ROUNDS];
        int atRisk = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long owner = ID_BASE + 1 + random.nextInt(OWNERS);
            long start = System.nanoTime();
            var standing = experience.standingOf(owner);
            balance[i] = (System.nanoTime() - start) / 1e6;
            assertThat(standing.positives() + standing.negatives()).isPositive();
            atRisk += standing.atRisk() ? 1 : 0;
        }
        Arrays.sort(balance);

        // a bearer token, as integrations call: HTTP Basic would time the password hash, not the inbox
        var issued = ApiClient.basic(
                        port, "admin", System.getProperty("directline.admin.password", "admin-test-password"))
                .post("/api/v1/tokens", java.util.Map.of("name", "inbox bench"));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        var admin = ApiClient.bearer(port, issued.json().path("token").asString());
        for (int i = 0; i < 20; i++) {
            admin.get("/api/v1/cases?size=25");
        }
        var inbox = new double[PAGES];
        for (int i = 0; i < PAGES; i++) {
            long start = System.nanoTime();
            var page = admin.get("/api/v1/cases?size=25");
            inbox[i] = (System.nanoTime() - start) / 1e6;
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.json().path("items")).hasSize(25);
        }
        Arrays.sort(inbox);
        double loadAfter = BenchSupport.loadAverage();

        var out = BenchSupport.reportHeader(
                "Experience ledger and prioritised inbox: " + String.format(Locale.ROOT, "%,d", OWNERS) + " owners, "
                        + String.format(Locale.ROOT, "%,d", ENTRIES) + " entries, "
                        + String.format(Locale.ROOT, "%,d", CASES) + " open cases",
                BenchSupport.describeDatabase(dataSource),
                String.format(Locale.ROOT, "seeded in %.1f s", seedSeconds),
                loadBefore,
                loadAfter);
        out.append("\n| what | p50 | p95 | p99 | n |\n|---|---|---|---|---|\n");
        row(out, "an owner's standing (balance over the window, lifetime value, sentence), in process", balance);
        row(out, "inbox first page, most at stake first, over HTTP (25 rows)", inbox);
        out.append(String.format(Locale.ROOT, "%nOwners at risk among those sampled: %d of %d.%n", atRisk, ROUNDS));
        BenchSupport.write("experience.md", out);
        System.out.println(out);
    }

    private static void row(StringBuilder out, String what, double[] sorted) {
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.2f ms | %.2f ms | %.2f ms | %d |%n",
                what,
                BenchSupport.percentile(sorted, 0.5),
                BenchSupport.percentile(sorted, 0.95),
                BenchSupport.percentile(sorted, 0.99),
                sorted.length));
    }

    private void seed(boolean postgres, Instant now) {
        var created = Timestamp.from(now.minus(Duration.ofDays(500)));
        jdbc.update(
                "insert into customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                        + " select x + ?, 'Bench Owner', 'bench owner', 'PORTAL', 'UTC', ?, ? from "
                        + series(postgres, OWNERS),
                ID_BASE,
                created,
                created);
        // one entry in thirteen is bad; spread over 400 days, so some have left the 365-day window
        jdbc.update(
                "insert into experience_entry (customer_id, source, sign, weight, event_key, at, created_by)"
                        + " select cast(? as bigint) + 1 + mod(x, ?), 'FIRST_RESPONSE', case when mod(x, 13) = 0 then -1 else 1 end,"
                        + " 1, concat('bench:', x), " + plus(postgres, "second", "-mod(x * 7919, 400 * 86400)") + ","
                        + " 'bench' from " + series(postgres, ENTRIES),
                ID_BASE,
                OWNERS,
                Timestamp.from(now));
        jdbc.update(
                "insert into owner_standing (customer_id, balance, positives, negatives, at_risk, lifetime_value,"
                        + " value_at_risk, window_start, computed_at) select x + ?, 0, 0, 0, false, 0, 0, ?, ? from "
                        + series(postgres, OWNERS),
                ID_BASE,
                Timestamp.from(now.minus(Duration.ofDays(365))),
                Timestamp.from(now));
        // open cases whose SLA falls due over the next ten weeks, a tenth moved ahead by what is at stake
        jdbc.update(
                "insert into support_case (id, customer_id, subject, status, priority, channel, created_at, updated_at,"
                        + " sla_due_at, stake_minutes, stake_reason, priority_at) select x + ?, cast(? as bigint) + 1 + mod(x * 31, ?),"
                        + " 'Bench case', 'OPEN', 'NORMAL', 'PORTAL', ?, ?,"
                        + " " + plus(postgres, "minute", "mod(x * 7919, 100000)") + ","
                        + " case when mod(x, 10) = 0 then 720 else 0 end,"
                        + " case when mod(x, 10) = 0 then 'owner at risk' else null end,"
                        + " "
                        + plus(
                                postgres,
                                "minute",
                                "mod(x * 7919, 100000) - case when mod(x, 10) = 0 then 720 else 0" + " end")
                        + " from " + series(postgres, CASES),
                ID_BASE,
                ID_BASE,
                OWNERS,
                created,
                created,
                Timestamp.from(now),
                Timestamp.from(now));
        if (postgres) {
            jdbc.execute("analyze customer, experience_entry, owner_standing, support_case");
        }
    }

    /** The instant bound to the next parameter plus {@code amount} (an SQL expression) of {@code unit}. */
    private static String plus(boolean postgres, String unit, String amount) {
        return postgres
                ? "cast(? as timestamp with time zone) + (" + amount + ") * interval '1 " + unit + "'"
                : "dateadd(" + unit + ", " + amount + ", cast(? as timestamp with time zone))";
    }

    private static String series(boolean postgres, int count) {
        return postgres
                ? "generate_series(cast(1 as bigint), " + count + ") as s(x)"
                : "system_range(1, " + count + ")";
    }
}
