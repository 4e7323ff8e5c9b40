package io.directline.servicecenter.coverage;

import java.time.Instant;
import java.util.List;

/**
 * A finished coverage analysis: how far owners live from their nearest service center (overall and per region, in
 * great-circle miles), where the owners far from every center cluster, and the new sites proposed with what each
 * brings.
 *
 * @param k how many new sites were asked for
 * @param owners the owners with coordinates the analysis went through
 * @param centers the service centers as they were at the run
 * @param before the distances to the existing centers
 * @param after the distances once every proposed site is added
 * @param regions per region (the owners' address region, the state for U.S. owners), worst p90 first
 * @param clusters the neighbouring grid cells with the most owners farther than 50 miles from any center, most first
 * @param sites the proposed sites in the order chosen, each with the cumulative figures once it is added
 * @param cells the demand grid: owners per cell of a quarter degree, with their centroid and its distance
 */
public record CoverageResult(
        String runId,
        int k,
        Instant startedAt,
        Instant finishedAt,
        double seconds,
        long owners,
        List<Center> centers,
        Figures before,
        Figures after,
        List<Region> regions,
        List<Cluster> clusters,
        List<Site> sites,
        List<Cell> cells) {

    /** Distances of all owners: p50, p90 and the largest (miles), and how many live within 50 miles of a center. */
    public record Figures(double p50Miles, double p90Miles, double maxMiles, long within50, double within50Percent) {}

    public record Region(
            String region, long owners, double p50Miles, double p90Miles, double maxMiles, long within50) {}

    public record Cluster(
            int rank,
            double latitude,
            double longitude,
            String nearestCity,
            long farOwners,
            int cells,
            double meanMiles) {}

    /**
     * A proposed site.
     *
     * @param ownersBroughtWithin50 owners who were farther than 50 miles from every center and earlier site, and are
     *     within 50 miles of this one
     * @param p90MilesAfter the p90 distance once this site and the earlier ones are added
     * @param within50After owners within 50 miles once this site and the earlier ones are added
     */
    public record Site(
            int rank,
            double latitude,
            double longitude,
            String nearestCity,
            long ownersBroughtWithin50,
            double p90MilesAfter,
            long within50After,
            double within50PercentAfter) {}

    public record Center(long id, String name, double latitude, double longitude) {}

    /** A cell of the demand grid: its owners, their centroid, and the centroid's distance to the nearest center. */
    public record Cell(double latitude, double longitude, long owners, long farOwners, double miles) {}
}
