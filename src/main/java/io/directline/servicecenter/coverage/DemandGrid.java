package io.directline.servicecenter.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owners counted into cells of {@value #DEGREES}° of latitude and longitude (about 17 by 13 miles in the U.S.): the
 * memory grows with the area where owners live, never with their number.
 */
final class DemandGrid {

    static final double DEGREES = 0.25;

    /** One cell while owners are counted. */
    static final class Tally {
        final int row;
        final int col;
        long owners;
        long far;
        double sumLat;
        double sumLon;
        /** The centroid's distance to the nearest center, once {@link #centroids} ran; then lowered by new sites. */
        double miles;

        Tally(int row, int col) {
            this.row = row;
            this.col = col;
        }

        double latitude() {
            return sumLat / owners;
        }

        double longitude() {
            return sumLon / owners;
        }
    }

    private final Map<Long, Tally> cells = new HashMap<>();

    void add(double lat, double lon, boolean far) {
        int row = (int) Math.floor(lat / DEGREES);
        int col = (int) Math.floor(lon / DEGREES);
        var cell = cells.computeIfAbsent(key(row, col), k -> new Tally(row, col));
        cell.owners++;
        cell.sumLat += lat;
        cell.sumLon += lon;
        if (far) {
            cell.far++;
        }
    }

    List<Tally> cells() {
        return new ArrayList<>(cells.values());
    }

    int size() {
        return cells.size();
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xffffffffL);
    }

    /** A group of neighbouring cells (sharing a side or a corner) that each hold owners far from any center. */
    record Cluster(List<Tally> cells, long far, double latitude, double longitude, double meanMiles) {}

    /** The clusters of cells with far owners, most far owners first, at most {@code limit}. */
    List<Cluster> clusters(int limit) {
        var seen = new java.util.HashSet<Long>();
        var out = new ArrayList<Cluster>();
        for (var start : cells.values()) {
            if (start.far == 0 || !seen.add(key(start.row, start.col))) {
                continue;
            }
            var members = new ArrayList<Tally>();
            var queue = new java.util.ArrayDeque<Tally>();
            queue.add(start);
            while (!queue.isEmpty()) {
                var cell = queue.poll();
                members.add(cell);
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        long k = key(cell.row + dr, cell.col + dc);
                        var next = cells.get(k);
                        if (next != null && next.far > 0 && seen.add(k)) {
                            queue.add(next);
                        }
                    }
                }
            }
            long far = 0;
            double lat = 0;
            double lon = 0;
            double miles = 0;
            for (var m : members) {
                far += m.far;
                lat += m.latitude() * m.far;
                lon += m.longitude() * m.far;
                miles += m.miles * m.far;
            }
            out.add(new Cluster(members, far, lat / far, lon / far, miles / far));
        }
        out.sort(Comparator.comparingLong(Cluster::far).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
