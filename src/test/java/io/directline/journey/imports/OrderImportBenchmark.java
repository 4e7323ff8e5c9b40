package io.directline.journey.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order import at scale: 400,000 owners inserted set-based in SQL (ids from 2·10^12, each with an e-mail handle),
 * a 400,000-row CSV written to disk (half the owners named by id, half by e-mail address; one order in ten with its
 * delivery estimate moved past the delay threshold with a reason, plus 100 rows that must be rejected), then imported
 * through {@link OrderImporter} as the API does, while a thread samples the heap every 20 ms; then the same file
 * again, which must change nothing.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=OrderImportBenchmark} (H2 in file mode) or with {@code -Ppostgres}.
 * {@code bench.import.rows} (default 400000) tunes it. Asserts what was imported, never timing.
 */
@Tag("bench")
@SpringBootTest
class OrderImportBenchmark {

    private static final long ID_BASE = 2_000_000_000_000L;
    private static final int ROWS = Integer.getInteger("bench.import.rows", 400_000);
    private static final int BAD_ROWS = 100;
    private static final int CHUNK = 100_000;
    private static final String[] MODELS = {"Aurora GT", "Aurora S", "Borealis", "Zephyr"};

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "order-import");
    }

    @Autowired
    OrderImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void imports400000RowsInBoundedMemoryAndTheSameFileAgainChangesNothing() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        double loadBefore = BenchSupport.loadAverage();
        long start = System.nanoTime();
        owners(postgres);
        double ownerSeconds = (System.nanoTime() - start) / 1e9;
        var file = Files.createTempFile("orders-bench-", ".csv");
        writeCsv(file);
        long bytes = Files.size(file);

        var first = timed(file);
        assertThat(first.run.failure).isNull();
        assertThat(first.run.created.get()).isEqualTo(ROWS);
        assertThat(first.run.rejected.get()).isEqualTo(BAD_ROWS);
        long moved = jdbc.queryForObject(
                "select count(*) from journey_estimate_change c join journey_order o on o.id = c.order_id"
                        + " where o.ref like 'BENCH-%'",
                Long.class);
        assertThat(moved).isEqualTo(ROWS / 10);

        var again = timed(file);
        assertThat(again.run.created.get()).isZero();
        assertThat(again.run.changed.get()).isZero();
        assertThat(again.run.unchanged.get()).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from journey_estimate_change c join journey_order o on o.id = c.order_id"
                                + " where o.ref like 'BENCH-%'",
                        Long.class))
                .as("the same file again moved no estimate")
                .isEqualTo(moved);
        double loadAfter = BenchSupport.loadAverage();
        Files.deleteIfExists(file);

        var out = BenchSupport.reportHeader(
                String.format(Locale.ROOT, "Order import: %,d rows of CSV", ROWS + BAD_ROWS),
                BenchSupport.describeDatabase(dataSource),
                String.format(
                        Locale.ROOT,
                        "%,d owners (and their e-mail handles) inserted set-based in %.1f s; a CSV of %,d rows"
                                + " (%.1f MB: half the owners by id, half by e-mail; one in ten with a delivery"
                                + " estimate moved past the threshold, so %,d estimate changes and events; %d bad rows)"
                                + " imported through OrderImporter in batches of %s rows; heap sampled every 20 ms,"
                                + " max heap %,d MB",
                        ROWS,
                        ownerSeconds,
                        ROWS + BAD_ROWS,
                        bytes / 1e6,
                        ROWS / 10,
                        BAD_ROWS,
                        System.getProperty("directline.journey.import-batch-size", "1000"),
                        Runtime.getRuntime().maxMemory() / (1 << 20)),
                loadBefore,
                loadAfter);
        out.append("\n| run | rows | time | rows/s | created | unchanged | rejected | heap before | peak heap |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append(first.row("first import")).append('\n');
        out.append(again.row("the same file again")).append('\n');
        BenchSupport.write(postgres ? "order-import-postgres.md" : "order-import-h2.md", out);
        System.out.println(out);
    }

    private record Timed(OrderImport run, double seconds, long heapBefore, long peakHeap) {

        String row(String name) {
            long rows = run.rows.get();
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f s | %,.0f | %,d | %,d | %,d | %,d MB | %,d MB |",
                    name,
                    rows,
                    seconds,
                    rows / seconds,
                    run.created.get(),
                    run.unchanged.get(),
                    run.rejected.get(),
                    heapBefore / (1 << 20),
                    peakHeap / (1 << 20));
        }
    }

    private Timed timed(Path file) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(before);
        var running = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        OrderImport run;
        try (var in = Files.newInputStream(file)) {
            run = importer.run(in, "bench.csv", Files.size(file), "bench");
        } finally {
            running.set(false);
            sampler.join();
        }
        return new Timed(run, (System.nanoTime() - start) / 1e9, before, peak.get());
    }

    private void writeCsv(Path file) throws IOException {
        var promised = LocalDate.of(2027, 3, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("ref,owner,model,configuration,region,postal_code,latitude,longitude,tags,milestone,promised,"
                    + "estimate,reason\n");
            for (int n = 1; n <= ROWS; n++) {
                var day = promised.plusDays(n % 365);
                boolean moved = n % 10 == 0;
                out.write("BENCH-" + n + ","
                        + (n % 2 == 0 ? String.valueOf(ID_BASE + n - 1) : "owner" + n + "@import.bench") + ","
                        + MODELS[n % MODELS.length] + ",Long range;" + (n % 7) + ",Region " + (n % 16) + ","
                        + (10000 + n % 90000) + "," + (45 + (n % 1000) / 100.0) + "," + (5 + (n % 1000) / 100.0)
                        + "," + (n % 5 == 0 ? "vip;launch" : "launch") + ",DELIVERED," + day + ","
                        + (moved ? day.plusDays(21) + ",Battery cells arrive three weeks late" : ",") + "\n");
            }
            for (int n = 1; n <= BAD_ROWS; n++) {
                out.write("BENCH-BAD-" + n + "," + (n % 2 == 0 ? "nobody" + n + "@import.bench" : "1")
                        + ",Zephyr,,,,,,,," + (n % 2 == 0 ? "2027-01-01" : "2027-02-30") + ",,\n");
            }
        }
    }

    /** Owners "Import n" with an e-mail address each, and its handle, set-based. */
    private void owners(boolean postgres) {
        var now = Timestamp.from(Instant.now());
        for (long done = 0; done < ROWS; done += CHUNK) {
            long n = Math.min(CHUNK, ROWS - done);
            String series = postgres
                    ? "generate_series(" + (done + 1) + ", " + (done + n) + ") as s(x)"
                    : "system_range(" + (done + 1) + ", " + (done + n) + ")";
            String number = "cast(x as varchar(20))";
            String email = "concat('owner', " + number + ", '@import.bench')";
            jdbc.update(
                    "insert into customer (id, name, name_key, email, preferred_channel, time_zone, created_at,"
                            + " updated_at) select x + ?, concat('Import ', " + number + "),"
                            + " concat('import ', " + number + "), " + email + ", 'EMAIL', 'UTC', ?, ? from " + series,
                    ID_BASE - 1,
                    now,
                    now);
            jdbc.update(
                    "insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, verified_at,"
                            + " created_at) select x + ?, x + ?, 'EMAIL', " + email + ", " + email
                            + ", true, ?, ? from "
                            + series,
                    ID_BASE - 1,
                    ID_BASE - 1,
                    now,
                    now);
        }
        if (postgres) {
            jdbc.execute("analyze customer");
            jdbc.execute("analyze customer_handle");
        }
    }
}
