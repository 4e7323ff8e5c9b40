package io.directline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.ApiClient;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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

    private static final Path H2_DIR = Path.of("target", "bench-h2");
    private static final Path OUT = Path.of("target", "bench");
    private static final String AGENT = "bench-agent";
    private static final String AGENT_PASSWORD = "bench-agent-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** H2 in file mode, as the app runs by default, rather than the suite's in-memory database. */
    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        String url = System.getProperty("spring.datasource.url", "jdbc:h2:mem:");
        if (url.startsWith("jdbc:h2:")) {
            deleteTree(H2_DIR);
            Files.createDirectories(H2_DIR);
            String file = H2_DIR.toAbsolutePath().resolve("directline").toString();
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void intake() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var database = describeDatabase();
        double loadBefore = loadAverage();

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
        var agent = ApiClient.basic(port, "admin", "admin-test-password")
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
        var levels = new ArrayList<Level>();
        int offset = WARMUP_REQUESTS;
        for (int concurrency : LEVELS) {
            levels.add(drive("c" + concurrency, concurrency, REQUESTS, token, ownerIds, offset));
            offset += REQUESTS;
        }

        // the same rows, written by plain JDBC in batches
        var names = owners.stream().map(c -> c.getName()).toArray(String[]::new);
        rawInsert(RAW_ID_BASE, RAW_WARMUP, ownerIds, names);
        var raw = rawInsert(RAW_ID_BASE + RAW_WARMUP, REQUESTS, ownerIds, names);

        var report = new Report(database, warmup, levels, raw, loadBefore, loadAverage());
        System.out.println(report.text());
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("intake.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("intake.svg"), report.svg(), StandardCharsets.UTF_8);

        // correctness only: every call answered 201, and every answered case is stored with its rows
        var allRounds = Stream.concat(Stream.of(warmup), levels.stream()).toList();
        assertThat(allRounds)
                .as(
                        "errors per round: %s",
                        allRounds.stream().map(Level::errorSummary).toList())
                .allSatisfy(l -> assertThat(l.errors()).isZero());
        long created = allRounds.stream().mapToLong(Level::created).sum();
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
    private Level drive(String label, int concurrency, int requests, String token, long[] ownerIds, int offset)
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
        var latencies = new long[requests];
        Arrays.fill(latencies, -1);
        var next = new AtomicInteger();
        var created = new AtomicInteger();
        var errorKinds = new ConcurrentHashMap<String, AtomicInteger>();
        var samples = new ConcurrentHashMap<String, String>();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + LEVEL_LIMIT.toNanos();
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    String kind = null;
                    String sample = null;
                    long start = System.nanoTime();
                    try {
                        var response = http.send(prepared[i], HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - start;
                        if (response.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            kind = "HTTP " + response.statusCode();
                            sample = response.body();
                        }
                    } catch (IOException | RuntimeException e) {
                        latencies[i] = System.nanoTime() - start;
                        kind = e.getClass().getSimpleName();
                        sample = String.valueOf(e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (kind != null) {
                        errorKinds
                                .computeIfAbsent(kind, k -> new AtomicInteger())
                                .incrementAndGet();
                        samples.putIfAbsent(kind, sample);
                    }
                }
            });
        }
        long began = System.nanoTime();
        go.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(LEVEL_LIMIT.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        var errors = new TreeMap<String, Integer>();
        errorKinds.forEach((k, v) -> errors.put(k, v.get()));
        return new Level(
                label,
                concurrency,
                done.length,
                created.get(),
                seconds,
                percentileMillis(done, 0.50),
                percentileMillis(done, 0.99),
                errors,
                Map.copyOf(samples),
                done.length < requests);
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

    private String describeDatabase() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            String url = meta.getURL();
            String mode = url.startsWith("jdbc:h2:file:")
                    ? " (file mode)"
                    : url.startsWith("jdbc:h2:mem:") ? " (in memory)" : "";
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + mode;
        }
    }

    /** The machine's one-minute load average (other processes included), or -1 where unknown. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where id < ?", Long.class, RAW_ID_BASE);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The body of {@code POST /api/v1/users}. */
    record NewAgent(String username, String password, String displayName, Set<String> roles, String team) {}

    /** The body of {@code POST /api/v1/cases}. */
    record NewCase(long customerId, String subject, String body) {}

    /** One round of intake calls. */
    record Level(
            String label,
            int concurrency,
            int requests,
            int created,
            double seconds,
            double p50,
            double p99,
            Map<String, Integer> errorKinds,
            Map<String, String> errorSamples,
            boolean cutShort) {

        int errors() {
            return requests - created;
        }

        double throughput() {
            return requests / seconds;
        }

        String errorSummary() {
            if (errors() == 0) {
                return label + ": none";
            }
            return label + ": " + errorKinds + " e.g. "
                    + errorSamples.entrySet().stream()
                            .map(e -> e.getKey() + " -> " + abbreviate(e.getValue()))
                            .collect(Collectors.joining("; "));
        }

        private static String abbreviate(String s) {
            return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
        }
    }

    /** The raw JDBC round. */
    record Raw(int cases, double seconds) {

        double casesPerSecond() {
            return cases / seconds;
        }
    }

    /** The figures as a console table, Markdown and an SVG chart. */
    record Report(String database, Level warmup, List<Level> levels, Raw raw, double loadBefore, double loadAfter) {

        Level best() {
            return levels.stream()
                    .max(Comparator.comparingDouble(Level::throughput))
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
            out.append("# Case intake benchmark\n\n");
            out.append("- Run: ")
                    .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    .append('\n');
            out.append("- Database: ").append(database).append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "- Java %s, %d processors; %d owners; warm-up %d requests at concurrency %d%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    OWNERS,
                    warmup.requests(),
                    warmup.concurrency()));
            out.append(String.format(
                    Locale.ROOT,
                    "- Load average (1 min, whole machine): %.2f before, %.2f after%n",
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
            int width = 640;
            int height = 380;
            int left = 70;
            int right = 20;
            int top = 60;
            int bottom = 80;
            int plotWidth = width - left - right;
            int plotHeight = height - top - bottom;
            double max = niceCeiling(
                    levels.stream().mapToDouble(Level::throughput).max().orElse(1));
            var out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                            + " font-family=\"sans-serif\" font-size=\"12\">%n",
                    width,
                    height,
                    width,
                    height));
            out.append(
                    String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Case intake over HTTP: %s</text>%n",
                    left,
                    xml(database)));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"44\" fill=\"#555555\">Raw JDBC batch: %.0f cases/s; best intake %.1f %%"
                            + " of it</text>%n",
                    left,
                    raw.casesPerSecond(),
                    ratio() * 100));
            for (int g = 0; g <= 4; g++) {
                double value = max * g / 4;
                double y = top + plotHeight - plotHeight * g / 4.0;
                out.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n",
                        left,
                        y,
                        width - right,
                        y));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                        left - 6,
                        y + 4,
                        value));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">requests/s</text>%n",
                    top + plotHeight / 2,
                    top + plotHeight / 2));
            double slot = plotWidth / (double) levels.size();
            double barWidth = slot * 0.55;
            for (int i = 0; i < levels.size(); i++) {
                var l = levels.get(i);
                double h = plotHeight * l.throughput() / max;
                double x = left + slot * i + (slot - barWidth) / 2;
                double y = top + plotHeight - h;
                double cx = x + barWidth / 2;
                out.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"/>%n",
                        x,
                        y,
                        barWidth,
                        h));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>%n",
                        cx,
                        y - 5,
                        l.throughput()));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%d</text>%n",
                        cx,
                        top + plotHeight + 18,
                        l.concurrency()));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555555\" font-size=\"11\">"
                                + "p50 %.1f / p99 %.1f ms</text>%n",
                        cx,
                        top + plotHeight + 34,
                        l.p50(),
                        l.p99()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n",
                    left,
                    top + plotHeight,
                    width - right,
                    top + plotHeight));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent clients</text>%n",
                    left + plotWidth / 2,
                    height - 16));
            out.append("</svg>\n");
            return out.toString();
        }

        private static double niceCeiling(double value) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
            for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
                if (step * magnitude >= value) {
                    return step * magnitude;
                }
            }
            return 10 * magnitude;
        }

        private static String xml(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
