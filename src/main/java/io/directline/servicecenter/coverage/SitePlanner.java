package io.directline.servicecenter.coverage;

import io.directline.servicecenter.center.GreatCircle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy facility location (k-median) over the demand grid: each cell's owners stand at its centroid, at the
 * centroid's distance to the nearest center. The candidates are the {@value #CANDIDATES} cells that weigh most in the
 * total distance (owners times distance); each knows the cells within {@value #REACH_MILES} miles. Each step adds the
 * candidate that lowers the total owner-distance most and lowers the distances of the cells it serves better.
 */
final class SitePlanner {

    static final int CANDIDATES = 300;
    static final double REACH_MILES = 400;

    /** A chosen site: the candidate cell's centroid, and how much total owner-distance it saved. */
    record Choice(double latitude, double longitude, double savedMiles) {}

    private SitePlanner() {}

    /** Chooses up to {@code k} sites; fewer when no candidate lowers any distance. Lowers the cells' miles. */
    static List<Choice> choose(List<DemandGrid.Tally> cells, int k) {
        var candidates = new ArrayList<>(cells);
        candidates.removeIf(c -> c.miles <= 0);
        candidates.sort(Comparator.comparingDouble((DemandGrid.Tally c) -> c.owners * c.miles)
                .reversed());
        if (candidates.size() > CANDIDATES) {
            candidates = new ArrayList<>(candidates.subList(0, CANDIDATES));
        }
        int n = candidates.size();
        var reachCells = new int[n][];
        var reachMiles = new double[n][];
        double[] candLat = new double[n];
        double[] candLon = new double[n];
        for (int i = 0; i < n; i++) {
            candLat[i] = candidates.get(i).latitude();
            candLon[i] = candidates.get(i).longitude();
            var idx = new ArrayList<Integer>();
            var miles = new ArrayList<Double>();
            for (int j = 0; j < cells.size(); j++) {
                var cell = cells.get(j);
                // a degree of latitude is about 69 miles: a cheap bound before the exact distance
                if (Math.abs(cell.latitude() - candLat[i]) * 69.0 > REACH_MILES) {
                    continue;
                }
                double d = GreatCircle.miles(candLat[i], candLon[i], cell.latitude(), cell.longitude());
                if (d <= REACH_MILES) {
                    idx.add(j);
                    miles.add(d);
                }
            }
            reachCells[i] = idx.stream().mapToInt(Integer::intValue).toArray();
            reachMiles[i] = miles.stream().mapToDouble(Double::doubleValue).toArray();
        }
        var chosen = new ArrayList<Choice>();
        var taken = new boolean[n];
        for (int step = 0; step < k; step++) {
            int best = -1;
            double bestGain = 0;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double gain = 0;
                for (int r = 0; r < reachCells[i].length; r++) {
                    var cell = cells.get(reachCells[i][r]);
                    if (reachMiles[i][r] < cell.miles) {
                        gain += cell.owners * (cell.miles - reachMiles[i][r]);
                    }
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            for (int r = 0; r < reachCells[best].length; r++) {
                var cell = cells.get(reachCells[best][r]);
                cell.miles = Math.min(cell.miles, reachMiles[best][r]);
            }
            chosen.add(new Choice(candLat[best], candLon[best], bestGain));
        }
        return chosen;
    }
}
