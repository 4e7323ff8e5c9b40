package io.directline.servicecenter.coverage;

/**
 * Distances in whole-mile bins from 0 to {@value #MILES} miles and one bin beyond: its memory is fixed, however many
 * owners it counts. A percentile is read as the upper edge of its bin (to the mile, never below the true value); the
 * largest distance is kept exactly.
 */
final class Histogram {

    static final int MILES = 3000;

    private final int[] bins = new int[MILES + 1];
    private long count;
    private long within50;
    private double max;

    void add(double miles) {
        int bin = (int) Math.min(MILES, Math.floor(miles));
        bins[bin]++;
        count++;
        if (miles <= CoverageAnalysis.NEAR_MILES) {
            within50++;
        }
        max = Math.max(max, miles);
    }

    long count() {
        return count;
    }

    long within50() {
        return within50;
    }

    double max() {
        return max;
    }

    /** The distance (miles, upper edge of its bin) that {@code p} of the owners are within; 0 when empty. */
    double percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * count));
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return i == MILES ? max : Math.min(i + 1, Math.ceil(max));
            }
        }
        return max;
    }
}
