package io.directline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the benchmark drivers share: H2 in file mode, a closed-loop HTTP round at a given concurrency
 * with its percentiles, the machine's load average, and a bar chart as SVG.
 */
public final class BenchSupport {

    static final Path H2_DIR = Path.of("target", "bench-h2");
    public static final Path OUT = Path.of("target", "bench");

    private BenchSupport() {}

    /**
     * H2 in file mode under {@code target/bench-h2/<name>/} (deleted first), with the app's own URL and
     * settings (or another write delay with {@code -Dbench.h2-write-delay=MILLIS}), rather than the
     * suite's in-memory database; nothing when the run is against another database. Each driver has its own directory, since the test framework keeps earlier contexts (and
     * their open databases) alive.
     */
    public static void h2InFileMode(DynamicPropertyRegistry registry, String name) throws IOException {
        String url = System.getProperty("spring.datasource.url", "jdbc:h2:mem:");
        if (url.startsWith("jdbc:h2:")) {
            var dir = H2_DIR.resolve(name);
            deleteTree(dir);
            Files.createDirectories(dir);
            String embedded = embeddedDatabaseUrl(dir);
            // -Dbench.h2-write-delay=500 measures what writing each commit before it returns costs
            String writeDelay = System.getProperty("bench.h2-write-delay");
            String configured = writeDelay == null
                    ? embedded
                    : embedded.replaceAll(";WRITE_DELAY=\\d+", "") + ";WRITE_DELAY=" + Integer.parseInt(writeDelay);
            registry.add("spring.datasource.url", () -> configured);
        }
    }

    /**
     * The embedded database's JDBC URL exactly as {@code application.yml} configures it for a normal
     * start, with {@code directline.data-dir} set to {@code dataDir}.
     */
    public static String embeddedDatabaseUrl(Path dataDir) throws IOException {
        var documents = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        var url = documents.get(0).getProperty("spring.datasource.url");
        if (url == null) {
            throw new IllegalStateException("application.yml sets no spring.datasource.url");
        }
        return url.toString()
                .replace(
                        "${directline.data-dir}",
                        dataDir.toAbsolutePath().toString().replace('\\', '/'));
    }

    public static String describeDatabase(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            String url = meta.getURL();
            String mode = url.startsWith("jdbc:h2:mem:") ? " (in memory)" : "";
            if (url.startsWith("jdbc:h2:file:")) {
                try (var rows = connection
                        .createStatement()
                        .executeQuery("select setting_value from information_schema.settings"
                                + " where setting_name = 'WRITE_DELAY'")) {
                    mode = " (file mode, WRITE_DELAY=" + (rows.next() ? rows.getString(1) : "?") + ")";
                }
            }
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + mode;
        }
    }

    /**
     * The opening lines every benchmark report shares: title, run time, database, Java and processors
     * with the driver's own setup, and the machine's load average before and after the run.
     */
    public static StringBuilder reportHeader(
            String title, String database, String setup, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append("- Run: ")
                .append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append('\n');
        out.append("- Database: ").append(database).append('\n');
        out.append(String.format(
                java.util.Locale.ROOT,
                "- Java %s, %d processors; %s%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                setup));
        out.append(String.format(
                java.util.Locale.ROOT,
                "- Load average (1 min, whole machine): %.2f before, %.2f after%n",
                loadBefore,
                loadAfter));
        return out;
    }

    /** The machine's one-minute load average (other processes included), or -1 where unknown. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[nearestRank(sortedNanos.length, p)] / 1e6;
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    public static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[nearestRank(sorted.length, p)];
    }

    /** The middle value (the upper one of the two middle values of an even count); the values stay as they are. */
    public static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int nearestRank(int length, double p) {
        int rank = (int) Math.ceil(p * length);
        return Math.max(0, Math.min(length, rank) - 1);
    }

    /** Writes a benchmark's figures (a report, a chart) to {@code target/bench/<fileName>}, in UTF-8. */
    public static Path write(String fileName, CharSequence content) throws IOException {
        Files.createDirectories(OUT);
        return Files.writeString(OUT.resolve(fileName), content, StandardCharsets.UTF_8);
    }

    /** Whether the benchmark runs on PostgreSQL (else on H2). */
    public static boolean onPostgres(DataSource dataSource) throws SQLException {
        return describeDatabase(dataSource).startsWith("PostgreSQL");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends the prepared requests from {@code concurrency} threads, each waiting for its answer before
     * it sends the next one, and stops early at {@code limit}. {@code verdict} names what is wrong with
     * an answer, or returns null for the answer expected.
     */
    static Round drive(
            HttpClient http,
            String label,
            int concurrency,
            HttpRequest[] prepared,
            Function<HttpResponse<String>, String> verdict,
            Duration limit)
            throws InterruptedException {
        int requests = prepared.length;
        var latencies = new long[requests];
        Arrays.fill(latencies, -1);
        var next = new AtomicInteger();
        var succeeded = new AtomicInteger();
        var errorKinds = new ConcurrentHashMap<String, AtomicInteger>();
        var samples = new ConcurrentHashMap<String, String>();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + limit.toNanos();
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
                    String kind;
                    String sample = null;
                    long start = System.nanoTime();
                    try {
                        var response = http.send(prepared[i], HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - start;
                        kind = verdict.apply(response);
                        sample = response.body();
                    } catch (IOException | RuntimeException e) {
                        latencies[i] = System.nanoTime() - start;
                        kind = e.getClass().getSimpleName();
                        sample = String.valueOf(e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (kind == null) {
                        succeeded.incrementAndGet();
                    } else {
                        errorKinds
                                .computeIfAbsent(kind, k -> new AtomicInteger())
                                .incrementAndGet();
                        samples.putIfAbsent(kind, String.valueOf(sample));
                    }
                }
            });
        }
        long began = System.nanoTime();
        go.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        var errors = new TreeMap<String, Integer>();
        errorKinds.forEach((k, v) -> errors.put(k, v.get()));
        return new Round(
                label,
                concurrency,
                done.length,
                succeeded.get(),
                seconds,
                percentileMillis(done, 0.50),
                percentileMillis(done, 0.99),
                errors,
                Map.copyOf(samples),
                done.length < requests);
    }

    /** One round of calls: how many were answered, how many as expected, and how fast. */
    record Round(
            String label,
            int concurrency,
            int requests,
            int succeeded,
            double seconds,
            double p50,
            double p99,
            Map<String, Integer> errorKinds,
            Map<String, String> errorSamples,
            boolean cutShort) {

        int errors() {
            return requests - succeeded;
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

    /** One series of bars: a value for each category. */
    public record Series(String name, String color, double[] values) {}

    /**
     * A grouped bar chart: one group per category (labelled, with an optional grey caption under it),
     * one bar per series, each bar labelled with its value; a legend when there is more than one series.
     */
    public static String barChart(
            String title,
            String subtitle,
            String yLabel,
            String xLabel,
            List<String> categories,
            List<String> captions,
            List<Series> series) {
        int width = 640;
        int height = 380;
        int left = 70;
        int right = 20;
        int top = series.size() > 1 ? 76 : 60;
        int bottom = 80;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        double max = niceCeiling(series.stream()
                .flatMapToDouble(s -> Arrays.stream(s.values()))
                .max()
                .orElse(1));
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height));
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                left,
                xml(title)));
        out.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"44\" fill=\"#555555\">%s</text>%n", left, xml(subtitle)));
        if (series.size() > 1) {
            double x = left;
            for (var s : series) {
                out.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"52\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                                + "<text x=\"%.1f\" y=\"61\" font-size=\"11\">%s</text>%n",
                        x,
                        s.color(),
                        x + 14,
                        xml(s.name())));
                x += 24 + 6.5 * s.name().length();
            }
        }
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
                "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                top + plotHeight / 2,
                top + plotHeight / 2,
                xml(yLabel)));
        double slot = plotWidth / (double) categories.size();
        double groupWidth = slot * 0.7;
        double barWidth = groupWidth / series.size();
        for (int i = 0; i < categories.size(); i++) {
            double groupX = left + slot * i + (slot - groupWidth) / 2;
            double cx = left + slot * i + slot / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[i];
                double h = plotHeight * v / max;
                double x = groupX + barWidth * s;
                double y = top + plotHeight - h;
                out.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        x,
                        y,
                        barWidth * 0.92,
                        h,
                        series.get(s).color()));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s>%.0f</text>%n",
                        x + barWidth * 0.46,
                        y - 5,
                        series.size() > 2 ? " font-size=\"10\"" : "",
                        v));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                    cx,
                    top + plotHeight + 18,
                    xml(categories.get(i))));
            if (captions != null && i < captions.size() && captions.get(i) != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555555\" font-size=\"11\">"
                                + "%s</text>%n",
                        cx,
                        top + plotHeight + 34,
                        xml(captions.get(i))));
            }
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
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                left + plotWidth / 2,
                height - 16,
                xml(xLabel)));
        out.append("</svg>\n");
        return out.toString();
    }

    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
