package io.directline.servicecenter.coverage;

/**
 * d3's geoAlbersUsa composite projection in Java, at d3-geo's scale 1300 and translate [487.5, 305] (the 975×610
 * viewport of us-atlas's pre-projected files): the lower 48 by a conic equal-area projection (parallels 29.5° and
 * 45.5°, rotated 96° west, centred on [-0.6°, 38.7°]), Alaska and Hawaii in their insets; each part clipped to its box
 * as d3 clips it. A point outside all three boxes is not on the map.
 */
final class AlbersUsa {

    static final double SCALE = 1300;
    static final double X = 487.5;
    static final double Y = 305;
    static final double WIDTH = 975;
    static final double HEIGHT = 610;
    private static final double EPSILON = 1e-6;

    /** One conic equal-area projection with its rotation, centre, scale, translation and clip box. */
    private static final class Conic {
        final double rotate;
        final double n;
        final double c;
        final double r0;
        final double k;
        final double dx;
        final double dy;
        final double x0;
        final double y0;
        final double x1;
        final double y1;

        Conic(
                double rotate,
                double centerLon,
                double centerLat,
                double parallel0,
                double parallel1,
                double k,
                double tx,
                double ty,
                double[] clip) {
            this.rotate = rotate;
            double sy0 = Math.sin(Math.toRadians(parallel0));
            this.n = (sy0 + Math.sin(Math.toRadians(parallel1))) / 2;
            this.c = 1 + sy0 * (2 * n - sy0);
            this.r0 = Math.sqrt(c) / n;
            this.k = k;
            double[] center = raw(Math.toRadians(centerLon), Math.toRadians(centerLat));
            this.dx = tx - k * center[0];
            this.dy = ty + k * center[1];
            this.x0 = clip[0];
            this.y0 = clip[1];
            this.x1 = clip[2];
            this.y1 = clip[3];
        }

        private double[] raw(double lambda, double phi) {
            double r = Math.sqrt(c - 2 * n * Math.sin(phi)) / n;
            return new double[] {r * Math.sin(lambda * n), r0 - r * Math.cos(lambda * n)};
        }

        /** The point in the viewport, or null when it falls outside this part's box. */
        double[] project(double lon, double lat) {
            double lambda = Math.toRadians(lon + rotate);
            // d3 rotates longitudes into [-180°, 180°]
            lambda = Math.IEEEremainder(lambda, 2 * Math.PI);
            double[] p = raw(lambda, Math.toRadians(lat));
            double x = dx + k * p[0];
            double y = dy - k * p[1];
            return x >= x0 && x <= x1 && y >= y0 && y <= y1 ? new double[] {x, y} : null;
        }
    }

    private static final Conic LOWER_48 = new Conic(96, -0.6, 38.7, 29.5, 45.5, SCALE, X, Y, new double[] {
        X - 0.455 * SCALE, Y - 0.238 * SCALE, X + 0.455 * SCALE, Y + 0.238 * SCALE
    });
    private static final Conic ALASKA =
            new Conic(154, -2, 58.5, 55, 65, SCALE * 0.35, X - 0.307 * SCALE, Y + 0.201 * SCALE, new double[] {
                X - 0.425 * SCALE + EPSILON,
                Y + 0.120 * SCALE + EPSILON,
                X - 0.214 * SCALE - EPSILON,
                Y + 0.234 * SCALE - EPSILON
            });
    private static final Conic HAWAII =
            new Conic(157, -3, 19.9, 8, 18, SCALE, X - 0.205 * SCALE, Y + 0.212 * SCALE, new double[] {
                X - 0.214 * SCALE + EPSILON,
                Y + 0.166 * SCALE + EPSILON,
                X - 0.115 * SCALE - EPSILON,
                Y + 0.234 * SCALE - EPSILON
            });

    private AlbersUsa() {}

    /** [x, y] in the 975×610 viewport, or null when the point is on none of the three parts of the map. */
    static double[] project(double longitude, double latitude) {
        var p = LOWER_48.project(longitude, latitude);
        if (p == null) {
            p = ALASKA.project(longitude, latitude);
        }
        if (p == null) {
            p = HAWAII.project(longitude, latitude);
        }
        return p;
    }
}
