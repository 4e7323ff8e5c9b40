package io.directline.servicecenter;

/** Starts the coverage analysis from outside the module (the demo, so its map tells its story at the first start). */
public interface CoverageReports {

    /**
     * Starts an analysis proposing {@code sites} new sites (1 to 50) in the background, unless one runs already; the
     * coverage screen shows its progress and then its result.
     */
    void startCoverageRun(int sites, String by);
}
