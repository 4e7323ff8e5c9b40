package io.directline.broadcast.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.channel.Notices;
import io.directline.journey.Segment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
 * A broadcast at scale: 400,000 owners each with an order of one model (customer, journey_order and its delivery
 * milestone inserted set-based in SQL, ids from 2·10^12), a broadcast to that model created and approved by a second
 * person, and the time from the approval to every owner's notice persisted and queued (the fan-out's last page
 * committed), with the peak heap sampled every 100 ms and the agent inbox's query (open cases by SLA breach, first
 * page of 50) timed every 100 ms meanwhile.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dtest=BroadcastFanOutBenchmark} (H2 in file mode) or with
 * {@code -Ppostgres}. {@code bench.broadcast.owners} (default 400000) tunes it. Asserts that every owner got exactly one
 * notice, never timing; the goal (≤ 60 s) is read from the report.
 */
@Tag("bench")
@SpringBootTest
class BroadcastFanOutBenchmark {

    private static final long ID_BASE = 2_000_000_000_000L;
    private static final int OWNERS = Integer.getInteger("bench.broadcast.owners", 400_000);
    private static final int CHUNK = 100_000;
    private static final String MODEL = "Bench Aurora";

    @DynamicPropertySource
    static void h2InFileMode(DynamicPropertyRegistry registry) throws IOException {
        BenchSupport.h2InFileMode(registry, "broadcast-fan-out");
    }

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    Notices notices;

    @Autowired
    CaseManagement cases;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    BroadcastProperties properties;

    @Test
    void fansOutToEveryOwnerOfALargeSegment() throws Exception {
        boolean postgres = BenchSupport.onPostgres(dataSource);
        double loadBefore = BenchSupport.loadAverage();
        long loadStart = System.nanoTime();
        load(postgres);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        var segment = new Segment(MODEL, null, null, null, null, null, null, null, null, Set.of());
        var template = new Template(
                "{firstName}, your {orderRef} arrives on {newDate}",
                "Dear {firstName},\nyour car {orderRef} was to arrive on {previousDate}. Because of {reason} it now"
                        + " arrives on {newDate}. We are sorry, and we will keep you posted.",
                "{firstName}: {orderRef} now arrives {newDate}.");
        long countStart = System.nanoTime();
        var made = broadcasts.create(segment, template, new Broadcasts.Staff("bench.sam", "Sam Bench"), null);
        double createSeconds = (System.nanoTime() - countStart) / 1e9;
        long id = made.broadcast().getId();
        assertThat(made.broadcast().getRecipients()).isEqualTo(OWNERS);

        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        var peakHeap = new AtomicLong(heapBefore);
        var inbox = new ArrayList<Long>();
        var running = new AtomicBoolean(true);
        var filter = new CaseFilter(
                EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING_ON_COMPANY),
                null,
                null,
                null,
                null,
                CaseFilter.Sort.BREACH);
        var sampler = new Thread(() -> {
            while (running.get()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long start = System.nanoTime();
                cases.search(filter, 0, 50);
                synchronized (inbox) {
                    inbox.add(System.nanoTime() - start);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long approveStart = System.nanoTime();
        sampler.start();
        broadcasts.approve(id, new Broadcasts.Staff("bench.erin", "Erin Bench"));
        while (broadcasts.get(id).getStatus() == BroadcastStatus.SENDING) {
            Thread.sleep(100);
        }
        double fanOutSeconds = (System.nanoTime() - approveStart) / 1e9;
        running.set(false);
        sampler.join();
        double loadAfter = BenchSupport.loadAverage();

        var done = broadcasts.get(id);
        assertThat(done.getStatus()).isEqualTo(BroadcastStatus.QUEUED);
        assertThat(done.getQueued()).isEqualTo(OWNERS);
        var progress = notices.progress(Broadcast.source(id));
        assertThat(progress.total()).as("one notice per owner").isEqualTo(OWNERS);

        long[] nanos;
        synchronized (inbox) {
            nanos = inbox.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(nanos);
        var out = BenchSupport.reportHeader(
                String.format(Locale.ROOT, "Broadcast fan-out to %,d owners", OWNERS),
                BenchSupport.describeDatabase(dataSource),
                String.format(
                        Locale.ROOT,
                        "%,d owners with one order each loaded set-based in %.1f s; pages of %,d owners, one"
                                + " transaction each; heap limit %,d MB",
                        OWNERS,
                        loadSeconds,
                        properties.pageSize(),
                        memory.getHeapMemoryUsage().getMax() >> 20),
                loadBefore,
                loadAfter);
        out.append(String.format(
                Locale.ROOT,
                "%n| measure | value |%n|---|---:|%n"
                        + "| create (count the segment) | %.2f s |%n"
                        + "| approval → all %,d notices persisted and queued | %.1f s |%n"
                        + "| notices queued per second | %,.0f |%n"
                        + "| heap used before → peak during the fan-out | %,d MB → %,d MB |%n"
                        + "| inbox query during the fan-out (%,d samples): p50 / p99 / max | %.1f / %.1f / %.1f ms |%n"
                        + "| notices at the end: queued / waiting / sent / failed | %,d / %,d / %,d / %,d |%n",
                createSeconds,
                OWNERS,
                fanOutSeconds,
                OWNERS / fanOutSeconds,
                heapBefore >> 20,
                peakHeap.get() >> 20,
                nanos.length,
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6,
                progress.queued(),
                progress.waitingForQuietHours(),
                progress.sent(),
                progress.failed()));
        BenchSupport.write(postgres ? "broadcast-fan-out-postgres.md" : "broadcast-fan-out-h2.md", out);
        System.out.println(out);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = Math.max(0, Math.min(sorted.length, (int) Math.ceil(p * sorted.length)) - 1);
        return sorted[rank] / 1e6;
    }

    /** Owners (preferring the portal), one order each of the model, its delivery moved with a reason; set-based. */
    private void load(boolean postgres) {
        var now = Timestamp.from(Instant.now());
        var promised = Date.valueOf(LocalDate.of(2027, 3, 5));
        var estimate = Date.valueOf(LocalDate.of(2027, 4, 16));
        for (long done = 0; done < OWNERS; done += CHUNK) {
            long n = Math.min(CHUNK, OWNERS - done);
            String series = postgres
                    ? "generate_series(" + (done + 1) + ", " + (done + n) + ") as s(x)"
                    : "system_range(" + (done + 1) + ", " + (done + n) + ")";
            String number = "cast(x as varchar(20))";
            jdbc.update(
                    "insert into customer (id, name, name_key, email, preferred_channel, time_zone, created_at,"
                            + " updated_at) select x + ?, concat('Fan', " + number + ", ' Owner'),"
                            + " concat('fan', " + number + ", ' owner'), concat('fan', " + number
                            + ", '@bench.example'), 'PORTAL', 'UTC', ?, ? from " + series,
                    ID_BASE - 1,
                    now,
                    now);
            jdbc.update(
                    "insert into journey_order (id, ref, customer_id, model, delivery_region, delivery_postal_code,"
                            + " current_milestone, promised_delivery, created_at, updated_at) select x + ?,"
                            + " concat('FAN-', " + number + "), x + ?, ?, 'North', '10115', 'IN_PRODUCTION', ?, ?, ?"
                            + " from " + series,
                    ID_BASE - 1,
                    ID_BASE - 1,
                    MODEL,
                    promised,
                    now,
                    now);
            jdbc.update(
                    "insert into journey_milestone (order_id, milestone, promised_date, estimated_date,"
                            + " previous_estimate, reason, delayed) select x + ?, 'DELIVERED', ?, ?, ?,"
                            + " 'a shortage of battery cells', true from " + series,
                    ID_BASE - 1,
                    promised,
                    estimate,
                    promised);
        }
        if (postgres) {
            jdbc.execute("analyze customer");
            jdbc.execute("analyze journey_order");
            jdbc.execute("analyze journey_milestone");
        }
    }
}
