package io.directline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport.Round;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case intake over real HTTP ({@code POST /api/v1/cases}, one case, its first message and an audit row
 * per call) at rising concurrency, beside a raw JDBC batch insert of the same rows into the same
 * database. Prints a table and writes {@code target/bench/intake.md} and {@code target/bench/intake.svg}.
 *
 * <p>Run with {@code ./mvnw -Pbench verify} (H2 in file mode, the embedded default) or
 * {@code ./mvnw -Pbench,postgres verify -Ddirectline.test.db=NAME}. Tunable with the system properties
 * {@code bench.requests} (per level), {@code bench.warmup} and {@code bench.level-seconds} (a safety cap
 * per level). It asserts correctness only (no errors, every case stored), never timing.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeBenchmark {

    private static final int[] LEVELS = {1, 4, 16, 64};
    private static final int REQUESTS = Integer.getInteger("bench.requests", 2_000);
    private static final int WARMUP_REQUESTS = Integer.getInteger("bench.warmup", 1_000);
    private static final int WARMUP_CONCURRENCY = 16;
    private static final Duration LEVEL_LIMIT = Duration.ofSeconds(Long.getLong("bench.level-seconds", 40));
    private static final int OWNERS = 300;
    private static final int RAW_BATCH = 500;
    private static final int RAW_WARMUP = 500;
    /** Raw rows take ids from here on, far above anything the sequences hand out. */
    private static final long RAW_ID_BASE = 1_000_000_000_000L;

    private static final Path OUT = BenchSupport.OUT;
    private static final String AGENT = "bench-agent";
    private static final String AGENT_PASSWORD = "bench-agent-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** H2 in file mode, as the app runs by default, rather than the suite's in-memory database. */
    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "intake");
    }

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = BenchSupport.httpClient();

    @Test
    void intake() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var database = BenchSupport.describeDatabase(dataSource);
        double loadBefore = BenchSupport.loadAverage();

        // preparation: owners, an agent, and the agent's API token
        var owners = customers.registerAll(IntStream.range(0, OWNERS)
                .mapToObj(i -> new CustomerDetails(
                        "Bench Owner " + i,
                        "owner" + i + "@bench.example",
                        null,
                        null,
                        null,
                        "Europe/Berlin",
                        null,
                        null,
                        null))
                .toList());
        var agent = IdentityFixtures.admin(port)
                .post("/api/v1/users", new NewAgent(AGENT, AGENT_PASSWORD, "Bench Agent", Set.of("AGENT"), "bench"));
        assertThat(agent.status()).as("create agent: %s", agent).isEqualTo(201);
        var issued = ApiClient.basic(port, AGENT, AGENT_PASSWORD).post("/api/v1/tokens", Map.of("name", "bench"));
        assertThat(issued.status()).as("issue token: %s", issued).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long[] ownerIds = owners.stream().mapToLong(c -> c.getId()).toArray();

        long casesBefore = count(jdbc, "support_case");
        long messagesBefore = count(jdbc, "case_message");
        long auditBefore = count(jdbc, "case_audit");

        // intake over HTTP: a warm-up round, then the measured levels
        var warmup = drive("warm-up", WARMUP_CONCURRENCY, WARMUP_REQUESTS, token, ownerIds, 0);
        var levels = new ArrayList<Round>();
        int offset = WARMUP_REQUESTS;
        for (int concurrency : LEVELS) {
            levels.add(drive("c" + concurrency, concurrency, REQUESTS, token, ownerIds, offset));
            offset += REQUESTS;
        }

        // the same rows, written by plain JDBC in batches
        var names = owners.stream().map(c -> c.getName()).toArray(String[]::new);
        rawInsert(RAW_ID_BASE, RAW_WARMUP, ownerIds, names);
        var raw = rawInsert(RAW_ID_BASE + RAW_WARMUP, REQUESTS, ownerIds, names);

        var report = new Report(database, warmup, levels, raw, loadBefore, BenchSupport.loadAverage());
        System.out.println(report.text());
        BenchSupport.write("intake.md", report.markdown());
        BenchSupport.write("intake.svg", report.svg());

        // correctness only: every call answered 201, and every answered case is stored with its rows
        var allRounds = Stream.concat(Stream.of(warmup), levels.stream()).toList();
        assertThat(allRounds)
                .as(
                        "errors per round: %s",
                        allRounds.stream().map(Round::errorSummary).toList())
                .allSatisfy(l -> assertThat(l.errors()).isZero());
        long created = allRounds.stream().mapToLong(Round::succeeded).sum();
        assertThat(count(jdbc, "support_case") - casesBefore).isEqualTo(created);
        assertThat(count(jdbc, "case_message") - messagesBefore).isEqualTo(created);
        assertThat(count(jdbc, "case_audit") - auditBefore).isEqualTo(created);
        for (var table : List.of("support_case", "case_message", "case_audit")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where id >= ?", Long.class, RAW_ID_BASE))
                    .as("raw rows in %s", table)
                    .isEqualTo((long) RAW_WARMUP + REQUESTS);
        }
    }

    /** Sends {@code requests} case intakes from {@code concurrency} threads, each waiting for its answer. */
    private Round drive(String label, int concurrency, int requests, String token, long[] ownerIds, int offset)
            throws InterruptedException {
        var prepared = new HttpRequest[requests];
        var uri = URI.create("http://localhost:" + port + "/api/v1/cases");
        for (int i = 0; i < requests; i++) {
            int n = offset + i;
            var body = JSON.writeValueAsString(new NewCase(
                    ownerIds[n % ownerIds.length], "Kettle stops heating, bench case " + n, messageBody(n)));
            prepared[i] = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }
        return BenchSupport.drive(
                http,
                label,
                concurrency,
                prepared,
                response -> response.statusCode() == 201 ? null : "HTTP " + response.statusCode(),
                LEVEL_LIMIT);
    }

    /** A short owner message of about 300 characters, plain text as most integrations send it. */
    private static String messageBody(int n) {
        return "Hello, my kettle (serial KT-" + (100_000 + n) + ") stopped heating this morning. "
                + "The light comes on and the base is warm, but the water stays cold. "
                + "I descaled it last week as the manual says. It is four years old. "
                + "Can you help me, or tell me where to send it for repair? Thank you.";
    }

    /** The rows one intake writes, inserted by plain JDBC: {@value #RAW_BATCH} cases per batch and commit. */
    private Raw rawInsert(long firstId, int cases, long[] ownerIds, String[] ownerNames) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            long began = System.nanoTime();
            try (var insertCase = connection.prepareStatement(
                            "insert into support_case (id, customer_id, subject, status, priority, channel,"
                                    + " assignee, team, order_id, created_at, updated_at, version)"
                                    + " values (?, ?, ?, 'NEW', 'NORMAL', 'EMAIL', null, null, null, ?, ?, 0)");
                    var insertMessage = connection.prepareStatement(
                            "insert into case_message (id, case_id, direction, channel, author, author_user, body,"
                                    + " external_id, created_at) values (?, ?, 'INBOUND', 'EMAIL', ?, ?, ?, null, ?)");
                    var insertAudit = connection.prepareStatement(
                            "insert into case_audit (id, case_id, at, actor, channel, action, detail)"
                                    + " values (?, ?, ?, ?, 'PORTAL', 'OPENED', ?)")) {
                for (int from = 0; from < cases; from += RAW_BATCH) {
                    int to = Math.min(cases, from + RAW_BATCH);
                    for (int i = from; i < to; i++) {
                        long id = firstId + i;
                        int owner = i % ownerIds.length;
                        var now = OffsetDateTime.now(ZoneOffset.UTC);
                        String subject = "Kettle stops heating, raw case " + i;
                        insertCase.setLong(1, id);
                        insertCase.setLong(2, ownerIds[owner]);
                        insertCase.setString(3, subject);
                        insertCase.setObject(4, now);
                        insertCase.setObject(5, now);
                        insertCase.addBatch();
                        insertMessage.setLong(1, id);
                        insertMessage.setLong(2, id);
                        insertMessage.setString(3, ownerNames[owner]);
                        insertMessage.setString(4, AGENT);
                        insertMessage.setString(5, messageBody(i));
                        insertMessage.setObject(6, now);
                        insertMessage.addBatch();
                        insertAudit.setLong(1, id);
                        insertAudit.setLong(2, id);
                        insertAudit.setObject(3, now);
                        insertAudit.setString(4, AGENT);
                        insertAudit.setString(5, "Opened via EMAIL: " + subject);
                        insertAudit.addBatch();
                    }
                    insertCase.executeBatch();
                    insertMessage.executeBatch();
                    insertAudit.executeBatch();
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return new Raw(cases, (System.nanoTime() - began) / 1e9);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where id < ?", Long.class, RAW_ID_BASE);
    }

    /** The body of {@code POST /api/v1/users}. */
    record NewAgent(String username, String password, String displayName, Set<String> roles, String team) {}

    /** The body of {@code POST /api/v1/cases}. */
    record NewCase(long customerId, String subject, String body) {}

    /** The raw JDBC round. */
    record Raw(int cases, double seconds) {

        double casesPerSecond() {
            return cases / seconds;
        }
    }

    /** The figures as a console table, Markdown and an SVG chart. */
    record Report(String database, Round warmup, List<Round> levels, Raw raw, double loadBefore, double loadAfter) {

        Round best() {
            return levels.stream()
                    .max(Comparator.comparingDouble(Round::throughput))
                    .orElseThrow();
        }

        double ratio() {
            return best().throughput() / raw.casesPerSecond();
        }

        String text() {
            var out = new StringBuilder();
            out.append("\n=== Case intake benchmark: ").append(database).append(" ===\n");
            out.append(String.format(
                    Locale.ROOT,
                    "load average (1 min, whole machine): %.2f before, %.2f after%n",
                    loadBefore,
                    loadAfter));
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %9s %13s %9s %9s %7s%n",
                    "concurrency",
                    "requests",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "errors"));
            for (var l : Stream.concat(Stream.of(warmup), levels.stream()).toList()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-12s %9d %13.1f %9.2f %9.2f %7d%s%n",
                        l == warmup ? "warm-up " + l.concurrency() : String.valueOf(l.concurrency()),
                        l.requests(),
                        l.throughput(),
                        l.p50(),
                        l.p99(),
                        l.errors(),
                        l.cutShort() ? "  (stopped at the time limit)" : ""));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %9d %13.1f   cases/s (%.0f rows/s, %d cases per batch and commit)%n",
                    "raw JDBC",
                    raw.cases(),
                    raw.casesPerSecond(),
                    raw.casesPerSecond() * 3,
                    RAW_BATCH));
            out.append(String.format(
                    Locale.ROOT,
                    "best intake: %.1f req/s at concurrency %d = %.3f of raw JDBC (%.1f %%)%n",
                    best().throughput(),
                    best().concurrency(),
                    ratio(),
                    ratio() * 100));
            levels.stream()
                    .filter(l -> l.errors() > 0)
                    .forEach(l -> out.append("errors ").append(l.errorSummary()).append('\n'));
            return out.toString();
        }

        String markdown() {
            var out = new StringBuilder();
            out.append(BenchSupport.reportHeader(
                    "Case intake benchmark",
                    database,
                    String.format(
                            Locale.ROOT,
                            "%d owners; warm-up %d requests at concurrency %d",
                            OWNERS,
                            warmup.requests(),
                            warmup.concurrency()),
                    loadBefore,
                    loadAfter));
            out.append("- Intake: `POST /api/v1/cases` over HTTP with a bearer token;"
                    + " each call stores a case, its first message and an audit row\n\n");
            out.append("| Concurrency | Requests | Throughput (req/s) | p50 (ms) | p99 (ms) | Errors |\n");
            out.append("|---:|---:|---:|---:|---:|---:|\n");
            for (var l : levels) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %d | %d%s | %.1f | %.2f | %.2f | %d |%n",
                        l.concurrency(),
                        l.requests(),
                        l.cutShort() ? " (time limit)" : "",
                        l.throughput(),
                        l.p50(),
                        l.p99(),
                        l.errors()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nRaw JDBC batch insert of the same rows (%d cases, %d per batch and commit, one connection):"
                            + " **%.1f cases/s** (%.0f rows/s).%n%n",
                    raw.cases(),
                    RAW_BATCH,
                    raw.casesPerSecond(),
                    raw.casesPerSecond() * 3));
            out.append(String.format(
                    Locale.ROOT,
                    "Best intake: %.1f req/s at concurrency %d; intake/raw = **%.3f** (%.1f %%).%n",
                    best().throughput(),
                    best().concurrency(),
                    ratio(),
                    ratio() * 100));
            return out.toString();
        }

        String svg() {
            return BenchSupport.barChart(
                    "Case intake over HTTP: " + database,
                    String.format(
                            Locale.ROOT,
                            "Raw JDBC batch: %.0f cases/s; best intake %.1f %% of it",
                            raw.casesPerSecond(),
                            ratio() * 100),
                    "requests/s",
                    "concurrent clients",
                    levels.stream().map(l -> String.valueOf(l.concurrency())).toList(),
                    levels.stream()
                            .map(l -> String.format(Locale.ROOT, "p50 %.1f / p99 %.1f ms", l.p50(), l.p99()))
                            .toList(),
                    List.of(new BenchSupport.Series(
                            "intake",
                            "#3b6ea5",
                            levels.stream().mapToDouble(Round::throughput).toArray())));
        }
    }
}
