package io.directline.servicecenter.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The coverage map as the page draws it, server-side in SVG (no script): the state outlines, the owner density (a
 * square per grid cell, darker with more owners), the service centers and the proposed sites, all projected by
 * {@link AlbersUsa} into us-atlas's 975×610 viewport. Owners, centers and sites outside the three parts of the map are
 * left off it and counted.
 */
public final class CoverageMap {

    /** At most this many grid cells are drawn, the most populous. */
    static final int MAX_CELLS = 4000;

    public record Outline(String name, String path) {}

    /** A grid cell's square: top-left corner, side, opacity from its owners (logarithmic), and its tooltip. */
    public record Density(String x, String y, String size, String opacity, String title) {}

    /** A marker at x, y; a numbered site's box starts at boxX, boxY and its number sits on textY. */
    public record Marker(String x, String y, String boxX, String boxY, String textY, String label, String title) {

        static Marker at(double[] p, String label, String title) {
            return new Marker(num(p[0]), num(p[1]), num(p[0] - 8), num(p[1] - 8), num(p[1] + 4), label, title);
        }
    }

    private final List<Outline> states;
    private final List<Density> density;
    private final List<Marker> centers;
    private final List<Marker> sites;
    private final long offMap;
    private final String summary;

    private CoverageMap(
            List<Outline> states,
            List<Density> density,
            List<Marker> centers,
            List<Marker> sites,
            long offMap,
            String summary) {
        this.states = states;
        this.density = density;
        this.centers = centers;
        this.sites = sites;
        this.offMap = offMap;
        this.summary = summary;
    }

    static CoverageMap of(StateOutlines outlines, CoverageResult result) {
        var states = outlines.states().stream()
                .map(s -> new Outline(s.name(), s.path()))
                .toList();
        var density = new ArrayList<Density>();
        long offMap = 0;
        if (result == null) {
            return new CoverageMap(
                    states,
                    density,
                    List.of(),
                    List.of(),
                    0,
                    "Map of the United States with the" + " state outlines; no coverage analysis has finished yet.");
        }
        var cells = new ArrayList<>(result.cells());
        cells.sort(Comparator.comparingLong(CoverageResult.Cell::owners).reversed());
        double most = cells.isEmpty() ? 1 : Math.log1p(cells.get(0).owners());
        for (int i = 0; i < cells.size(); i++) {
            var cell = cells.get(i);
            var p = AlbersUsa.project(cell.longitude(), cell.latitude());
            if (p == null) {
                offMap += cell.owners();
                continue;
            }
            if (i >= MAX_CELLS) {
                continue;
            }
            double opacity = 0.2 + 0.8 * Math.log1p(cell.owners()) / most;
            density.add(new Density(
                    num(p[0] - 2.5),
                    num(p[1] - 2.5),
                    "5",
                    String.format(Locale.ROOT, "%.2f", opacity),
                    cell.owners() + (cell.owners() == 1 ? " owner" : " owners") + ", " + Math.round(cell.miles())
                            + " miles from the nearest center"));
        }
        var centers = new ArrayList<Marker>();
        for (var c : result.centers()) {
            var p = AlbersUsa.project(c.longitude(), c.latitude());
            if (p != null) {
                centers.add(Marker.at(p, "", "Service center " + c.name()));
            }
        }
        var sites = new ArrayList<Marker>();
        for (var s : result.sites()) {
            var p = AlbersUsa.project(s.longitude(), s.latitude());
            if (p != null) {
                sites.add(Marker.at(
                        p,
                        String.valueOf(s.rank()),
                        "Proposed site " + s.rank() + (s.nearestCity() == null ? "" : " near " + s.nearestCity())
                                + ": brings " + s.ownersBroughtWithin50() + " owners within 50 miles"));
            }
        }
        var summary = String.format(
                Locale.ROOT,
                "Map of the United States: owner density in %d grid cells, %d service centers and %d proposed new"
                        + " sites%s. The tables below hold the same figures.",
                density.size(),
                centers.size(),
                sites.size(),
                sites.isEmpty()
                        ? ""
                        : ", the first near "
                                + (result.sites().get(0).nearestCity() == null
                                        ? "an unnamed place"
                                        : result.sites().get(0).nearestCity()));
        return new CoverageMap(states, density, centers, sites, offMap, summary);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public List<Outline> states() {
        return states;
    }

    public List<Density> density() {
        return density;
    }

    public List<Marker> centers() {
        return centers;
    }

    public List<Marker> sites() {
        return sites;
    }

    /** Owners in cells outside the lower 48, Alaska's and Hawaii's insets (not drawn). */
    public long offMap() {
        return offMap;
    }

    /** One sentence saying what the map shows, for its aria-label. */
    public String summary() {
        return summary;
    }
}
