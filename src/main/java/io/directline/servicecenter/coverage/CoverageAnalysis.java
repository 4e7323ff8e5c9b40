package io.directline.servicecenter.coverage;

import io.directline.customer.OwnerLocations;
import io.directline.servicecenter.center.CenterIndex;
import io.directline.servicecenter.center.CenterProblems;
import io.directline.servicecenter.center.GreatCircle;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The coverage analysis: every owner with coordinates is read in pages by id (one row at a time in memory), given the
 * great-circle distance to the nearest service center from the spatial index, and counted into a fixed histogram per
 * region and overall and into the demand grid. From the grid come the underserved clusters and, by greedy facility
 * location, the proposed sites; a second pass over the owners then measures exactly what each site brings.
 *
 * <p>Runs go to one background thread, one at a time; a start while one runs answers the running one. The last
 * finished result is kept in memory on this node (a restart forgets it; a new run brings it back).
 */
@Service
public class CoverageAnalysis implements io.directline.servicecenter.CoverageReports {

    static final double NEAR_MILES = 50;
    static final int MIN_K = 1;
    static final int MAX_K = 50;
    static final int DEFAULT_K = 5;
    static final int PAGE = 10_000;
    static final int CLUSTERS = 10;
    /** The distance of an owner when there is no center at all: half the earth's circumference. */
    static final double NO_CENTER_MILES = Math.PI * GreatCircle.EARTH_RADIUS_MILES;

    private static final Logger log = LoggerFactory.getLogger(CoverageAnalysis.class);

    /** What a run is doing. */
    public enum Phase {
        COUNTING("Counting owners"),
        READING("Measuring each owner's distance to the nearest center"),
        CHOOSING("Choosing new sites"),
        MEASURING("Measuring what the new sites bring");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A run, while it goes. */
    static final class Run {
        final String id = UUID.randomUUID().toString();
        final int k;
        final String by;
        final Instant startedAt;
        volatile Phase phase = Phase.COUNTING;
        volatile long total;
        final AtomicLong processed = new AtomicLong();

        Run(int k, String by, Instant startedAt) {
            this.k = k;
            this.by = by;
            this.startedAt = startedAt;
        }

        Progress progress() {
            long t = total;
            long done = processed.get();
            // two passes over the owners, the first and the second half of the bar
            int percent = t == 0 ? 0 : (int) Math.min(99, done * 100 / (2 * t));
            return new Progress(id, k, by, startedAt, phase, phase.label(), done, 2 * t, percent);
        }
    }

    /**
     * A running analysis.
     *
     * @param processed owner rows read so far over both passes, of {@code total}
     */
    public record Progress(
            String runId,
            int k,
            String startedBy,
            Instant startedAt,
            Phase phase,
            String phaseLabel,
            long processed,
            long total,
            int percent) {}

    /**
     * What there is to show: the last finished result (null before the first), the running analysis (null when none
     * runs), and why the last run failed (null when it did not).
     */
    public record Status(CoverageResult last, Progress running, String failure) {}

    /** The answer to a start: the run that goes, and whether it was already going. */
    public record Started(Progress run, boolean alreadyRunning) {}

    private final OwnerLocations owners;
    private final CenterIndex index;
    private final Cities cities;
    private final Clock clock;
    private final Executor background;
    private Run running;
    private volatile CoverageResult last;
    private volatile String failure;

    @Autowired
    CoverageAnalysis(OwnerLocations owners, CenterIndex index, Cities cities, Clock clock) {
        this(owners, index, cities, clock, Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "coverage-analysis");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** With the executor that runs the analyses (a test's, to hold a run). */
    CoverageAnalysis(OwnerLocations owners, CenterIndex index, Cities cities, Clock clock, Executor background) {
        this.owners = owners;
        this.index = index;
        this.cities = cities;
        this.clock = clock;
        this.background = background;
    }

    @PreDestroy
    void stop() {
        if (background instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** The last result, the running analysis and the last failure. */
    public synchronized Status status() {
        return new Status(last, running == null ? null : running.progress(), failure);
    }

    /** A 400 problem unless {@code k} (as typed) is a whole number from 1 to 50; the number otherwise. */
    public static int parseK(String typed) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT_K;
        }
        int k;
        try {
            k = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw badK("'" + CenterProblems.clip(typed.strip()) + "'");
        }
        if (k < MIN_K || k > MAX_K) {
            throw badK(String.valueOf(k));
        }
        return k;
    }

    private static RuntimeException badK(String typed) {
        return CenterProblems.invalid(
                "k",
                "The number of new sites to propose (k) is a whole number from " + MIN_K + " to " + MAX_K + ", not "
                        + typed + ".");
    }

    @Override
    public void startCoverageRun(int sites, String by) {
        start(sites, by);
    }

    /** Starts a run on the background thread, or answers the one that runs (whatever its k). */
    public synchronized Started start(int k, String by) {
        if (k < MIN_K || k > MAX_K) {
            throw badK(String.valueOf(k));
        }
        if (running != null) {
            return new Started(running.progress(), true);
        }
        var run = new Run(k, by, clock.instant());
        running = run;
        background.execute(() -> {
            try {
                var result = compute(run);
                finish(run, result, null);
            } catch (RuntimeException | Error e) {
                log.warn("The coverage analysis {} failed", run.id, e);
                finish(
                        run,
                        null,
                        "The analysis started at " + run.startedAt + " stopped with an error (the server's log says"
                                + " why); the last result shown is an earlier one. Run it again.");
            }
        });
        return new Started(run.progress(), false);
    }

    private synchronized void finish(Run run, CoverageResult result, String why) {
        if (result != null) {
            last = result;
        }
        failure = why;
        if (running == run) {
            running = null;
        }
    }

    /** Runs an analysis on the caller's thread (benchmarks, tests); the result is kept as the last. */
    public CoverageResult runNow(int k, String by) {
        if (k < MIN_K || k > MAX_K) {
            throw badK(String.valueOf(k));
        }
        var run = new Run(k, by, clock.instant());
        var result = compute(run);
        synchronized (this) {
            last = result;
        }
        return result;
    }

    CoverageResult compute(Run run) {
        long began = System.nanoTime();
        var centers = index.all().stream()
                .sorted(Comparator.comparing(c -> c.name()))
                .map(c -> new CoverageResult.Center(c.id(), c.name(), c.latitude(), c.longitude()))
                .toList();
        run.total = owners.countLocated();

        // first pass: every owner's distance to the nearest center, per region and overall, and the demand grid
        run.phase = Phase.READING;
        var overall = new Histogram();
        var regions = new HashMap<String, Histogram>();
        var grid = new DemandGrid();
        long after = 0;
        while (true) {
            long next = owners.page(after, PAGE, (id, lat, lon, region) -> {
                double miles = distance(lat, lon);
                overall.add(miles);
                regions.computeIfAbsent(regionOf(region), r -> new Histogram()).add(miles);
                grid.add(lat, lon, miles > NEAR_MILES);
                run.processed.incrementAndGet();
            });
            if (next == after) {
                break;
            }
            after = next;
        }

        // the grid: each cell's centroid and its distance, the clusters far from any center, then the new sites
        run.phase = Phase.CHOOSING;
        var cells = grid.cells();
        for (var cell : cells) {
            cell.miles = distance(cell.latitude(), cell.longitude());
        }
        var cellRows = cells.stream()
                .sorted(Comparator.comparingLong((DemandGrid.Tally c) -> c.owners)
                        .reversed())
                .map(c -> new CoverageResult.Cell(
                        round(c.latitude(), 4), round(c.longitude(), 4), c.owners, c.far, round(c.miles, 1)))
                .toList();
        var clusters = new ArrayList<CoverageResult.Cluster>();
        int rank = 0;
        for (var c : grid.clusters(CLUSTERS)) {
            clusters.add(new CoverageResult.Cluster(
                    ++rank,
                    round(c.latitude(), 4),
                    round(c.longitude(), 4),
                    cities.nearest(c.latitude(), c.longitude()),
                    c.far(),
                    c.cells().size(),
                    round(c.meanMiles(), 1)));
        }
        var choices = SitePlanner.choose(cells, run.k);

        // second pass: each owner's distance once the first 1, 2, … of the sites are added
        run.phase = Phase.MEASURING;
        int n = choices.size();
        double[] siteLat =
                choices.stream().mapToDouble(SitePlanner.Choice::latitude).toArray();
        double[] siteLon =
                choices.stream().mapToDouble(SitePlanner.Choice::longitude).toArray();
        var steps = new Histogram[n];
        for (int i = 0; i < n; i++) {
            steps[i] = new Histogram();
        }
        long[] brought = new long[n];
        after = 0;
        while (n > 0) {
            long next = owners.page(after, PAGE, (id, lat, lon, region) -> {
                double miles = distance(lat, lon);
                for (int i = 0; i < n; i++) {
                    // a degree of latitude is at least 68.7 miles: no need to measure a site that far north or south
                    if (Math.abs(lat - siteLat[i]) * 68.7 < miles) {
                        double d = GreatCircle.miles(lat, lon, siteLat[i], siteLon[i]);
                        if (d < miles) {
                            if (miles > NEAR_MILES && d <= NEAR_MILES) {
                                brought[i]++;
                            }
                            miles = d;
                        }
                    }
                    steps[i].add(miles);
                }
                run.processed.incrementAndGet();
            });
            if (next == after) {
                break;
            }
            after = next;
        }
        var sites = new ArrayList<CoverageResult.Site>();
        for (int i = 0; i < n; i++) {
            sites.add(new CoverageResult.Site(
                    i + 1,
                    round(siteLat[i], 4),
                    round(siteLon[i], 4),
                    cities.nearest(siteLat[i], siteLon[i]),
                    brought[i],
                    steps[i].percentile(0.9),
                    steps[i].within50(),
                    percent(steps[i].within50(), steps[i].count())));
        }
        var regionRows = new ArrayList<CoverageResult.Region>();
        regions.forEach((name, h) -> regionRows.add(new CoverageResult.Region(
                name, h.count(), h.percentile(0.5), h.percentile(0.9), round(h.max(), 1), h.within50())));
        regionRows.sort(Comparator.comparingDouble(CoverageResult.Region::p90Miles)
                .reversed()
                .thenComparing(CoverageResult.Region::region));
        var before = figures(overall);
        var finished = clock.instant();
        return new CoverageResult(
                run.id,
                run.k,
                run.startedAt,
                finished,
                round((System.nanoTime() - began) / 1e9, 2),
                overall.count(),
                centers,
                before,
                n == 0 ? before : figures(steps[n - 1]),
                List.copyOf(regionRows),
                List.copyOf(clusters),
                List.copyOf(sites),
                cellRows);
    }

    private double distance(double lat, double lon) {
        var nearest = index.nearest(lat, lon);
        return nearest == null ? NO_CENTER_MILES : nearest.miles();
    }

    private static CoverageResult.Figures figures(Histogram h) {
        return new CoverageResult.Figures(
                h.percentile(0.5),
                h.percentile(0.9),
                round(h.max(), 1),
                h.within50(),
                percent(h.within50(), h.count()));
    }

    /** The owner's region as the report names it: upper case, trimmed, "(none)" when not given. */
    static String regionOf(String region) {
        if (region == null || region.isBlank()) {
            return "(none)";
        }
        var r = region.strip().toUpperCase(Locale.ROOT);
        return r.length() > 40 ? r.substring(0, 40) : r;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : round(100.0 * part / whole, 1);
    }
}
