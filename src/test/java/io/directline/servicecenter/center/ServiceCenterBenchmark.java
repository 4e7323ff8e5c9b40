package io.directline.servicecenter.center;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.servicecenter.ServiceType;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nearest centers with room among 2,000: centers spread over the contiguous United States, a third of them full
 * for the next ten days on tyres (so the search must look past them), body work offered by one center in ten (so the
 * search must widen its radius), then {@link Routing#nearest} (index, ring of candidates, one query of their seats,
 * the free days) timed for random owners' points.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=ServiceCenterBenchmark} (H2 in file mode) or with
 * {@code -Ppostgres}. {@code bench.centers} (default 2000) and {@code bench.centers.queries} (2000 per kind) tune it.
 * Asserts that each answer is nearest first and has room, never timing; the goal (p95 ≤ 5 ms) is read from the report.
 */
@Tag("bench")
@SpringBootTest(properties = "directline.servicecenter.index-refresh=3650d")
class ServiceCenterBenchmark {

    private static final int CENTERS = Integer.getInteger("bench.centers", 2_000);
    private static final int QUERIES = Integer.getInteger("bench.centers.queries", 2_000);
    private static final int WARMUP = 500;
    private static final int FULL_DAYS = 10;

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "service-centers");
    }

    @Autowired
    Routing routing;

    @Autowired
    CenterIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void findsTheNearestCentersWithRoomAmongTwoThousand() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        double loadBefore = BenchSupport.loadAverage();
        long loadStart = System.nanoTime();
        int full = load(postgres);
        index.rebuild();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(index.size()).isGreaterThanOrEqualTo(CENTERS);

        var rows = new ArrayList<String>();
        rows.add(time("tyres (every center; a third full for 10 days), 14 days, 5 centers", ServiceType.TYRES, 14, 5));
        rows.add(time("body work (one center in ten), 14 days, 5 centers", ServiceType.BODY, 14, 5));
        rows.add(time("tyres, 90 days, 20 centers", ServiceType.TYRES, 90, 20));
        double loadAfter = BenchSupport.loadAverage();

        var out = BenchSupport.reportHeader(
                "Service centers: the nearest with room among " + String.format(Locale.ROOT, "%,d", CENTERS),
                BenchSupport.describeDatabase(dataSource),
                String.format(
                        Locale.ROOT,
                        "%,d centers over the contiguous US (%,d full on tyres for the next %d days) loaded in %.1f s;"
                                + " %,d timed searches per kind after %d untimed, through Routing.nearest (spatial"
                                + " index, candidates' seats in one query, free days)",
                        CENTERS,
                        full,
                        FULL_DAYS,
                        loadSeconds,
                        QUERIES,
                        WARMUP),
                loadBefore,
                loadAfter);
        out.append("\n| search | searches | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        BenchSupport.write(postgres ? "service-centers-postgres.md" : "service-centers-h2.md", out);
        System.out.println(out);
    }

    private String time(String label, ServiceType service, int days, int limit) {
        var random = new Random(15);
        for (int i = 0; i < WARMUP; i++) {
            routing.nearest(lat(random), lon(random), service, days, limit);
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            double lat = lat(random);
            double lon = lon(random);
            long start = System.nanoTime();
            var found = routing.nearest(lat, lon, service, days, limit);
            nanos[i] = System.nanoTime() - start;
            assertThat(found).as("centers with room near %s, %s", lat, lon).hasSize(limit);
            for (int k = 1; k < found.size(); k++) {
                assertThat(found.get(k).distanceMiles())
                        .isGreaterThanOrEqualTo(found.get(k - 1).distanceMiles());
            }
            assertThat(found.get(0).firstFreeSlots()).isNotEmpty();
        }
        Arrays.sort(nanos);
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |",
                label,
                QUERIES,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6,
                nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    private static double lat(Random random) {
        return 25 + random.nextDouble() * 24;
    }

    private static double lon(Random random) {
        return -124 + random.nextDouble() * 57;
    }

    /** The centers, and the seats of every third one taken on tyres for the next days; returns how many are full. */
    private int load(boolean postgres) {
        var random = new Random(2026);
        var now = Timestamp.from(Instant.now());
        var centers = new ArrayList<Object[]>(CENTERS);
        for (int i = 0; i < CENTERS; i++) {
            var capacity = "TYRES=" + (4 + i % 5) + ";MAINTENANCE=4" + (i % 10 == 0 ? ";BODY=2" : "");
            centers.add(new Object[] {
                "Bench center " + i,
                "Bench City " + i,
                lat(random),
                lon(random),
                "MONDAY=08:00-18:00;TUESDAY=08:00-18:00;WEDNESDAY=08:00-18:00;THURSDAY=08:00-18:00;"
                        + "FRIDAY=08:00-18:00;SATURDAY=09:00-13:00",
                capacity,
                now
            });
        }
        jdbc.batchUpdate(
                "insert into service_center (name, city, country, latitude, longitude, time_zone, opening_hours,"
                        + " capacity, mobile_radius_miles, vans, version, updated_by, updated_at) values (?, ?, 'US',"
                        + " ?, ?, 'America/Chicago', ?, ?, 30, 1, 0, 'bench', ?)",
                centers.stream()
                        .map(c -> new Object[] {c[0], c[1], c[2], c[3], c[4], c[5], c[6]})
                        .toList());
        List<Long> ids =
                jdbc.queryForList("select id from service_center where name like 'Bench center %'", Long.class);
        var today = LocalDate.now(ZoneOffset.UTC);
        var seats = new ArrayList<Object[]>();
        int full = 0;
        for (long id : ids) {
            if (id % 3 != 0) {
                continue;
            }
            full++;
            for (int d = 0; d <= FULL_DAYS + 1; d++) {
                seats.add(new Object[] {id, "TYRES", today.plusDays(d), 1000});
            }
        }
        jdbc.batchUpdate("insert into service_slot (center_id, service, on_day, booked) values (?, ?, ?, ?)", seats);
        if (postgres) {
            jdbc.execute("analyze service_center");
            jdbc.execute("analyze service_slot");
        }
        return full;
    }
}
