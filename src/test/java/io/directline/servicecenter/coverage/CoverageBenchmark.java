package io.directline.servicecenter.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.servicecenter.center.CenterIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The coverage analysis over {@code bench.owners} owners (default 1,000,000), inserted set-based (one INSERT … SELECT
 * per city) around the 951 U.S. cities of at least 50,000 inhabitants, each city's share by its population, scattered
 * up to about 7 miles; and {@code bench.centers} service centers (default 2,000) deliberately uneven as the demo's: in
 * the cities of the East (east of 100°W) and California only, none in the Mountain West, the Plains or the
 * North-West. Then one run with K = {@code bench.k} (10) on the caller's thread, its time, and the heap sampled every
 * 50 ms while it runs.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=CoverageBenchmark} (H2 in file mode) or with {@code -Ppostgres}.
 * Asserts correctness only, never timing.
 */
@Tag("bench")
@SpringBootTest(properties = {"directline.sla.watchdog-interval=1h", "directline.servicecenter.reminder-interval=1h"})
class CoverageBenchmark {

    private static final long ID_BASE = 5_000_000_000_000L;
    private static final int OWNERS = Integer.getInteger("bench.owners", 1_000_000);
    private static final int CENTERS = Integer.getInteger("bench.centers", 2_000);
    private static final int K = Integer.getInteger("bench.k", 10);

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "coverage");
    }

    @Autowired
    CoverageAnalysis analysis;

    @Autowired
    CenterIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    record City(String name, String region, double latitude, double longitude, long population) {}

    @Test
    void analysesAMillionOwnersInBoundedMemory() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        var cities = cities();
        long seedStart = System.nanoTime();
        long seeded = seedOwners(postgres, cities);
        seedCenters(cities);
        index.rebuild();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(heapBefore);
        // the heap left after each collection (the live set), as the pools report it: garbage not yet collected aside
        var live = new AtomicLong();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
        var sampling = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                live.accumulateAndGet(
                        pools.stream()
                                .mapToLong(p -> p.getCollectionUsage().getUsed())
                                .sum(),
                        Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        double loadBefore = BenchSupport.loadAverage();
        sampler.start();
        long start = System.nanoTime();
        var result = analysis.runNow(K, "bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        sampling.set(false);
        sampler.join();
        double loadAfter = BenchSupport.loadAverage();

        assertThat(result.owners()).isEqualTo(seeded);
        assertThat(result.centers()).hasSize(CENTERS);
        assertThat(result.sites()).hasSize(K);
        assertThat(result.after().p90Miles())
                .isLessThanOrEqualTo(result.before().p90Miles());
        assertThat(result.after().within50()).isGreaterThan(result.before().within50());

        var out = BenchSupport.reportHeader(
                "Coverage analysis: " + String.format(Locale.ROOT, "%,d", seeded) + " owners, "
                        + String.format(Locale.ROOT, "%,d", CENTERS) + " centers, K = " + K,
                BenchSupport.describeDatabase(dataSource),
                String.format(
                        Locale.ROOT,
                        "seeded in %.1f s; max heap %d MB",
                        seedSeconds,
                        Runtime.getRuntime().maxMemory() >> 20),
                loadBefore,
                loadAfter);
        out.append(String.format(
                Locale.ROOT,
                "%n| what | figure |%n|---|---|%n| analysis time (two passes over the owners, %d grid cells, greedy"
                        + " over %d candidates) | %.1f s |%n| heap used before the run (after a GC) | %d MB |%n| peak heap"
                        + " used while it ran (sampled every 50 ms, uncollected garbage included) | %d MB |%n| largest"
                        + " heap left after a collection while it ran (the live set) | %d MB |%n| regions | %d |%n",
                result.cells().size(),
                Math.min(SitePlanner.CANDIDATES, result.cells().size()),
                seconds,
                heapBefore >> 20,
                peak.get() >> 20,
                live.get() >> 20,
                result.regions().size()));
        out.append(String.format(
                Locale.ROOT,
                "%nBefore: p50 %.0f mi, p90 %.0f mi, max %.0f mi, %.1f%% within 50 miles. After %d sites: p50 %.0f mi,"
                        + " p90 %.0f mi, max %.0f mi, %.1f%% within 50 miles.%n%n| # | near | owners brought within"
                        + " 50 mi | p90 after | within 50 mi after |%n|---|---|---|---|---|%n",
                result.before().p50Miles(),
                result.before().p90Miles(),
                result.before().maxMiles(),
                result.before().within50Percent(),
                result.sites().size(),
                result.after().p50Miles(),
                result.after().p90Miles(),
                result.after().maxMiles(),
                result.after().within50Percent()));
        for (var s : result.sites()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %,d | %.0f mi | %.1f%% |%n",
                    s.rank(),
                    s.nearestCity(),
                    s.ownersBroughtWithin50(),
                    s.p90MilesAfter(),
                    s.within50PercentAfter()));
        }
        BenchSupport.write("coverage.md", out);
        System.out.println(out);
    }

    /** Each city's share of the owners, by population, in one INSERT … SELECT per city; answers how many. */
    private long seedOwners(boolean postgres, List<City> cities) {
        long population = cities.stream().mapToLong(City::population).sum();
        var created = Timestamp.from(Instant.now());
        long next = ID_BASE;
        long total = 0;
        String random = postgres ? "random()" : "rand()";
        var shares = new int[cities.size()];
        int largest = 0;
        long sum = 0;
        for (int i = 0; i < cities.size(); i++) {
            shares[i] = (int) Math.round((double) OWNERS * cities.get(i).population() / population);
            sum += shares[i];
            largest = cities.get(i).population() > cities.get(largest).population() ? i : largest;
        }
        shares[largest] += (int) (OWNERS - sum); // rounding's remainder, so the count is exact
        for (int i = 0; i < cities.size(); i++) {
            var c = cities.get(i);
            int share = shares[i];
            if (share == 0) {
                continue;
            }
            // up to 0.1 degree either way (about 7 miles), more often near the centre
            jdbc.update(
                    "insert into customer (id, name, name_key, preferred_channel, time_zone, region, country, latitude,"
                            + " longitude, created_at, updated_at) select x + ?, 'Bench Owner', 'bench owner', 'PORTAL',"
                            + " 'UTC', ?, 'US', ? + (" + random + " + " + random + " - 1) * 0.1, ? + (" + random + " + "
                            + random + " - 1) * 0.1, ?, ? from " + series(postgres, share),
                    next,
                    c.region(),
                    c.latitude(),
                    c.longitude(),
                    created,
                    created);
            next += share;
            total += share;
        }
        if (postgres) {
            jdbc.execute("analyze customer");
        }
        return total;
    }

    /** Uneven: centers in the cities of the East and California only, most in the largest. */
    private void seedCenters(List<City> cities) {
        var eligible = cities.stream()
                .filter(c -> c.longitude() > -100 || c.region().equals("CA"))
                .toList();
        var random = new Random(15);
        var rows = new ArrayList<Object[]>();
        var now = Timestamp.from(Instant.now());
        for (int i = 0; i < CENTERS; i++) {
            var c = eligible.get(random.nextInt(eligible.size()));
            rows.add(new Object[] {
                "Bench center " + i,
                c.name(),
                c.region(),
                c.latitude() + (random.nextDouble() - 0.5) * 0.2,
                c.longitude() + (random.nextDouble() - 0.5) * 0.2,
                now
            });
        }
        jdbc.batchUpdate(
                "insert into service_center (name, city, region, country, latitude, longitude, time_zone,"
                        + " opening_hours, capacity, mobile_radius_miles, vans, version, updated_by, updated_at)"
                        + " values (?, ?, ?, 'US', ?, ?, 'America/New_York', 'MONDAY=08:00-18:00', 'TYRES=4', 0, 0, 0,"
                        + " 'bench', ?)",
                rows);
    }

    private static List<City> cities() throws IOException {
        var schema = CsvSchema.emptySchema().withHeader();
        try (var in = new ClassPathResource("servicecenter/cities-us-50k.csv").getInputStream();
                var rows =
                        new CsvMapper().readerFor(JsonNode.class).with(schema).readValues(in)) {
            var out = new ArrayList<City>();
            while (rows.hasNextValue()) {
                var row = (JsonNode) rows.nextValue();
                out.add(new City(
                        row.path("name").asString(),
                        row.path("admin1").asString(),
                        Double.parseDouble(row.path("latitude").asString()),
                        Double.parseDouble(row.path("longitude").asString()),
                        Long.parseLong(row.path("population").asString())));
            }
            return out;
        }
    }

    private static String series(boolean postgres, int count) {
        return postgres
                ? "generate_series(cast(1 as bigint), " + count + ") as s(x)"
                : "system_range(1, " + count + ")";
    }
}
