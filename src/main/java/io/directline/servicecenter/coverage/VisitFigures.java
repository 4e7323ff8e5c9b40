package io.directline.servicecenter.coverage;

import io.directline.servicecenter.ServiceType;
import io.directline.servicecenter.center.CenterIndex;
import io.directline.servicecenter.center.ServiceCenter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where capacity, not distance, is the problem: per center the visits booked in the last and the next
 * {@value #DAYS} days and the share of the next days' seats taken, and per region how many days it takes to the first
 * free seat. Three queries over day ranges (indexed by day), whatever the number of centers; days are UTC days.
 */
@Component
public class VisitFigures {

    static final int DAYS = 30;
    /** How far ahead a free seat is looked for; a center full for longer shows this many days and more. */
    static final int LOOK_AHEAD = 90;

    /**
     * One center's figures.
     *
     * @param utilisationPercent booked seats of the next 30 days over its seats on the open days of those days
     * @param daysToFirstFreeSeat days from today to the first day with a free seat in any service (1 is tomorrow); null
     *     when none within 90 days
     */
    public record CenterRow(
            long centerId,
            String name,
            String region,
            long bookedLast30Days,
            long bookedNext30Days,
            long seatsBookedNext30Days,
            long seatsNext30Days,
            double utilisationPercent,
            Integer daysToFirstFreeSeat) {}

    /** Per region: the days to the first free seat over its centers (fewest, mean, most). */
    public record RegionRow(
            String region, int centers, Integer fewestDays, Double meanDays, Integer mostDays, int fullFor90Days) {}

    public record Figures(LocalDate today, List<CenterRow> centers, List<RegionRow> regions) {}

    private final JdbcClient jdbc;
    private final CenterIndex index;
    private final Clock clock;

    VisitFigures(JdbcClient jdbc, CenterIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.index = index;
        this.clock = clock;
    }

    Figures figures() {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var visits = new HashMap<Long, long[]>();
        jdbc.sql("select center_id, sum(case when on_day < :today then 1 else 0 end) as past,"
                        + " sum(case when on_day >= :today then 1 else 0 end) as ahead from appointment"
                        + " where on_day between :from and :to and status <> 'CANCELLED' group by center_id")
                .param("today", today)
                .param("from", today.minusDays(DAYS))
                .param("to", today.plusDays(DAYS - 1L))
                .query(rs -> {
                    visits.put(rs.getLong("center_id"), new long[] {rs.getLong("past"), rs.getLong("ahead")});
                });
        var seatsBooked = new HashMap<Long, Long>();
        jdbc.sql("select center_id, sum(booked) as seats from service_slot where on_day between :from and :to"
                        + " group by center_id")
                .param("from", today)
                .param("to", today.plusDays(DAYS - 1L))
                .query(rs -> {
                    seatsBooked.put(rs.getLong("center_id"), rs.getLong("seats"));
                });
        // only the days with bookings: a day without a row has every seat free
        var full = new HashMap<Long, Map<LocalDate, Map<ServiceType, Integer>>>();
        jdbc.sql("select center_id, service, on_day, booked from service_slot where on_day between :from and :to"
                        + " and booked > 0")
                .param("from", today.plusDays(1))
                .param("to", today.plusDays(LOOK_AHEAD))
                .query(rs -> {
                    var type = ServiceType.parse(rs.getString("service")).orElse(null);
                    if (type != null) {
                        full.computeIfAbsent(rs.getLong("center_id"), id -> new HashMap<>())
                                .computeIfAbsent(rs.getObject("on_day", LocalDate.class), d -> new HashMap<>())
                                .put(type, rs.getInt("booked"));
                    }
                });
        var rows = new ArrayList<CenterRow>();
        for (var c : index.all()) {
            var v = visits.getOrDefault(c.id(), new long[2]);
            long seats = seatsOver(c, today, today.plusDays(DAYS - 1L));
            long booked = seatsBooked.getOrDefault(c.id(), 0L);
            rows.add(new CenterRow(
                    c.id(),
                    c.name(),
                    CoverageAnalysis.regionOf(c.region()),
                    v[0],
                    v[1],
                    booked,
                    seats,
                    seats == 0 ? 0 : CoverageAnalysis.round(100.0 * booked / seats, 1),
                    firstFree(c, full.getOrDefault(c.id(), Map.of()), today)));
        }
        rows.sort(Comparator.comparingDouble(CenterRow::utilisationPercent)
                .reversed()
                .thenComparing(CenterRow::name));
        var byRegion = new TreeMap<String, List<CenterRow>>();
        rows.forEach(r ->
                byRegion.computeIfAbsent(r.region(), x -> new ArrayList<>()).add(r));
        var regions = new ArrayList<RegionRow>();
        byRegion.forEach((region, centers) -> {
            var days = centers.stream()
                    .map(CenterRow::daysToFirstFreeSeat)
                    .filter(d -> d != null)
                    .mapToInt(Integer::intValue)
                    .summaryStatistics();
            regions.add(new RegionRow(
                    region,
                    centers.size(),
                    days.getCount() == 0 ? null : days.getMin(),
                    days.getCount() == 0 ? null : CoverageAnalysis.round(days.getAverage(), 1),
                    days.getCount() == 0 ? null : days.getMax(),
                    (int) (centers.size() - days.getCount())));
        });
        regions.sort(Comparator.comparing((RegionRow r) -> r.meanDays() == null ? Double.MAX_VALUE : r.meanDays())
                .reversed()
                .thenComparing(RegionRow::region));
        return new Figures(today, List.copyOf(rows), List.copyOf(regions));
    }

    /** The center's seats, all services, on its open days from {@code from} to {@code to}. */
    private static long seatsOver(ServiceCenter c, LocalDate from, LocalDate to) {
        int perDay = c.capacity().values().stream().mapToInt(Integer::intValue).sum();
        long seats = 0;
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (c.hoursOn(day) != null) {
                seats += perDay;
            }
        }
        return seats;
    }

    private static Integer firstFree(
            ServiceCenter c, Map<LocalDate, Map<ServiceType, Integer>> booked, LocalDate today) {
        for (int ahead = 1; ahead <= LOOK_AHEAD; ahead++) {
            var day = today.plusDays(ahead);
            if (c.hoursOn(day) == null) {
                continue;
            }
            var taken = booked.getOrDefault(day, Map.of());
            for (var e : c.capacity().entrySet()) {
                if (taken.getOrDefault(e.getKey(), 0) < e.getValue()) {
                    return ahead;
                }
            }
        }
        return null;
    }
}
