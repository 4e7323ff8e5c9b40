package io.directline.experience.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.web.ReportPeriod;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The executive dashboard over a large ledger: {@code bench.owners} owners (default 1,000,000) with a standing each,
 * {@code bench.entries} ledger entries (default five per owner), a survey for every fourth owner, a recovery for every
 * twentieth negative entry and a case for every tenth owner, spread over the last 120 days and inserted set-based
 * ({@code generate_series} on PostgreSQL, {@code system_range} on H2). Then the dashboard's API over the last 90 days,
 * over HTTP with an API token, {@code bench.rounds} times (default 20) after {@code bench.warmup} (default 3) runs not
 * counted, p50 and p95 reported; and the same figures counted in process, without HTTP.
 *
 * <p>Run with {@code ./mvnw -o -Pbench verify -Dtest=DashboardBenchmark} (H2 in file mode), or with {@code -Ppostgres}
 * and {@code -Ddirectline.test.db=...}; a small run: {@code -Dbench.owners=2000}. On PostgreSQL the rows of an earlier
 * run of the same size are kept and reused. Asserts correctness only, never timing.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "directline.sla.watchdog-interval=1h")
class DashboardBenchmark {

    private static final long ID_BASE = 3_000_000_000_000L;
    private static final int OWNERS = Integer.getInteger("bench.owners", 1_000_000);
    private static final long ENTRIES = Long.getLong("bench.entries", 5L * OWNERS);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    /** 120 days, in seconds: how far back the rows go. */
    private static final long SPREAD = 120L * 24 * 3600;

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "dashboard");
    }

    @LocalServerPort
    int port;

    @Autowired
    ExperienceDashboard dashboard;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    private boolean postgres;

    @Test
    void theDashboardCountsInTheDatabase() throws Exception {
        postgres = BenchSupport.onPostgres(dataSource);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long seedStart = System.nanoTime();
        boolean reused = seed(now);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        var admin = IdentityFixtures.admin(port);
        var issued = admin.post("/api/v1/tokens", Map.of("name", "dashboard bench " + now, "expiresInDays", 1));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        var api = ApiClient.bearer(port, issued.json().path("token").asString());

        double loadBefore = BenchSupport.loadAverage();
        var http = new double[ROUNDS];
        JsonNode figures = null;
        for (int i = -WARMUP; i < ROUNDS; i++) {
            long start = System.nanoTime();
            var response = api.get("/api/v1/reports/experience");
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            figures = response.json();
            if (i >= 0) {
                http[i] = ms;
            }
        }
        var inProcess = new double[ROUNDS];
        for (int i = -WARMUP; i < ROUNDS; i++) {
            long start = System.nanoTime();
            var counted = dashboard.figures(ReportPeriod.between(null, null, clock));
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(counted.balance().owners()).isGreaterThanOrEqualTo(OWNERS);
            if (i >= 0) {
                inProcess[i] = ms;
            }
        }
        double loadAfter = BenchSupport.loadAverage();
        Arrays.sort(http);
        Arrays.sort(inProcess);

        assertThat(figures.path("balance").path("owners").asLong()).isGreaterThanOrEqualTo(OWNERS);
        assertThat(figures.path("atRisk").path("owners").asLong()).isPositive();
        assertThat(figures.path("recovery").path("started").asLong()).isPositive();
        assertThat(figures.path("surveys").path("total").path("csatAnswers").asLong())
                .isPositive();

        var out = BenchSupport.reportHeader(
                "Executive dashboard over " + String.format(Locale.ROOT, "%,d", OWNERS) + " owners and "
                        + String.format(Locale.ROOT, "%,d", ENTRIES) + " ledger entries",
                BenchSupport.describeDatabase(dataSource),
                ROUNDS + " runs after " + WARMUP + " not counted; "
                        + (reused
                                ? "rows of an earlier run reused"
                                : "seeded in " + String.format(Locale.ROOT, "%.1f s", seedSeconds)),
                loadBefore,
                loadAfter);
        out.append("\n| last 90 days | p50 | p95 | max |\n|---|---|---|---|\n");
        row(out, "GET /api/v1/reports/experience (HTTP, API token)", http);
        row(out, "the same figures in process", inProcess);
        out.append("\n## Figures\n\n");
        out.append(String.format(
                Locale.ROOT,
                "- owners with a standing: %,d; at risk: %,d, value at risk $%s%n",
                figures.path("balance").path("owners").asLong(),
                figures.path("atRisk").path("owners").asLong(),
                new java.math.BigDecimal(
                                figures.path("atRisk").path("valueAtRisk").asString())
                        .toPlainString()));
        out.append("- balance histogram: ");
        for (var bucket : figures.path("balance").path("buckets")) {
            out.append(bucket.path("label").asString())
                    .append(" = ")
                    .append(String.format(
                            Locale.ROOT, "%,d", bucket.path("owners").asLong()))
                    .append("; ");
        }
        var recovery = figures.path("recovery");
        var total = figures.path("surveys").path("total");
        out.append(String.format(
                Locale.ROOT,
                "%n- recoveries started: %,d (recovered %,d, lapsed %,d, open %,d; rate %s)%n"
                        + "- CSAT %s%% of %,d answers; NPS %s of %,d answers%n- weeks: %d%n",
                recovery.path("started").asLong(),
                recovery.path("recovered").asLong(),
                recovery.path("lapsed").asLong(),
                recovery.path("open").asLong(),
                recovery.path("rate").asString(),
                total.path("csatPercent").asString(),
                total.path("csatAnswers").asLong(),
                total.path("nps").asString(),
                total.path("npsAnswers").asLong(),
                figures.path("weekStarts").size()));
        BenchSupport.write("dashboard.md", out);
        System.out.println(out);
    }

    /** The rows, set-based; false when an earlier run of the same size left them (on PostgreSQL). */
    private boolean seed(Instant now) {
        Long existing = jdbc.queryForObject(
                "select count(*) from owner_standing where customer_id > ? and customer_id <= ?",
                Long.class,
                ID_BASE,
                ID_BASE + OWNERS);
        if (existing != null && existing == OWNERS) {
            return true;
        }
        var at = Timestamp.from(now);
        jdbc.update(
                "insert into customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                        + " select x + cast(? as bigint), 'Bench Owner', 'bench owner', 'EMAIL', 'UTC', ?, ? from "
                        + series(OWNERS),
                ID_BASE,
                at,
                at);
        // balances from −24 to 36, two in five below zero
        jdbc.update(
                "insert into owner_standing (customer_id, balance, positives, negatives, at_risk, lifetime_value,"
                        + " value_at_risk, window_start, computed_at)"
                        + " select x + cast(? as bigint), mod(x * 37, 61) - 24, 3, 1, mod(x * 37, 61) < 24,"
                        + " 50000 + mod(x, 200000),"
                        + " case when mod(x * 37, 61) < 24 then (50000 + mod(x, 200000)) * 0.3 else 0 end, ?, ? from "
                        + series(OWNERS),
                ID_BASE,
                Timestamp.from(now.minus(365, ChronoUnit.DAYS)),
                at);
        jdbc.update(
                "insert into experience_entry (customer_id, source, sign, weight, note, event_key, at, created_by)"
                        + " select cast(? as bigint) + 1 + mod(x, " + OWNERS + "), 'MANUAL',"
                        + " case when mod(x, 4) = 0 then -1 else 1 end, 1, null, concat('bench:', x), "
                        + ago("mod(x * 37, " + SPREAD + ")") + ", 'bench' from " + series(ENTRIES),
                ID_BASE,
                at);
        jdbc.update(
                "insert into survey (customer_id, case_id, kind, channel, sent_at, expires_at, answered_at, score,"
                        + " answered_on)"
                        + " select cast(? as bigint) + 1 + mod(x * 4, " + OWNERS + "), cast(? as bigint) + x,"
                        + " case when mod(x, 2) = 0 then 'CSAT' else 'NPS' end, 'EMAIL', "
                        + ago("mod(x * 53, " + SPREAD + ") + 3600") + ", "
                        + ago("mod(x * 53, " + SPREAD + ") - 1209600")
                        + ", case when mod(x, 5) = 0 then null else " + ago("mod(x * 53, " + SPREAD + ")") + " end,"
                        + " case when mod(x, 5) = 0 then null when mod(x, 2) = 0 then 1 + mod(x, 5) else mod(x, 11) end,"
                        + " 'EMAIL' from " + series(OWNERS / 4),
                ID_BASE,
                ID_BASE,
                at,
                at,
                at);
        var playbook = "Bench " + now;
        jdbc.update(
                "insert into recovery_playbook (name, trigger_source, enabled, apology, updated_by, updated_at)"
                        + " values (?, ?, true, true, 'bench', ?)",
                playbook,
                "BENCH-" + now.getEpochSecond(),
                at);
        Long playbookId = jdbc.queryForObject("select id from recovery_playbook where name = ?", Long.class, playbook);
        jdbc.update(
                "insert into recovery (customer_id, playbook_id, entry_id, status, balance_at_start, started_at,"
                        + " ended_at) select customer_id, ?, id,"
                        + " case mod(id, 3) when 0 then 'RECOVERED' when 1 then 'LAPSED' else 'OPEN' end, -12, at,"
                        + " case when mod(id, 3) = 2 then null else " + plusDays("at", 3) + " end"
                        + " from experience_entry where sign = -1 and mod(id, 20) = 0 and customer_id > ?",
                playbookId,
                ID_BASE);
        jdbc.update(
                "insert into support_case (id, customer_id, subject, status, priority, channel, created_at,"
                        + " updated_at) select x + cast(? as bigint), cast(? as bigint) + 1 + mod(x * 10, " + OWNERS
                        + "), 'Bench case', 'RESOLVED',"
                        + " 'NORMAL', case mod(x, 4) when 0 then 'EMAIL' when 1 then 'PORTAL' when 2 then 'PHONE'"
                        + " else 'SMS' end, " + ago("mod(x * 61, " + SPREAD + ")") + ", ? from " + series(OWNERS / 10),
                ID_BASE,
                ID_BASE,
                at,
                at);
        if (postgres) {
            for (var table :
                    new String[] {"owner_standing", "experience_entry", "survey", "recovery", "support_case"}) {
                jdbc.execute("vacuum analyze " + table);
            }
        } else {
            jdbc.execute("analyze");
        }
        return false;
    }

    private String series(long rows) {
        return postgres ? "generate_series(1, " + rows + ") as s(x)" : "system_range(1, " + rows + ")";
    }

    /** The instant {@code seconds} (an SQL expression) before the statement's time parameter. */
    private String ago(String seconds) {
        return postgres
                ? "cast(? as timestamp with time zone) - (" + seconds + ") * interval '1 second'"
                : "dateadd(second, -(" + seconds + "), cast(? as timestamp with time zone))";
    }

    private String plusDays(String column, int days) {
        return postgres ? column + " + interval '" + days + " days'" : "dateadd(day, " + days + ", " + column + ")";
    }

    private static void row(StringBuilder out, String what, double[] sorted) {
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms |%n",
                what,
                BenchSupport.percentile(sorted, 0.5),
                BenchSupport.percentile(sorted, 0.95),
                sorted[sorted.length - 1]));
    }
}
