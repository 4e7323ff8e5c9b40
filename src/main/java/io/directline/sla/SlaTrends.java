package io.directline.sla;

import java.time.Instant;
import java.util.List;

/**
 * The SLA's figures per interval, for the reports of other modules: go-dark incidents as the go-dark screen counts
 * them, and how many clocks met their target. Each list has one element per interval between consecutive
 * {@code boundaries} ({@code [b0, b1)}, {@code [b1, b2)}, …), counted in the database by one aggregate over an
 * indexed range.
 */
public interface SlaTrends {

    /**
     * The go-dark incidents of an interval: response clocks whose breach is recorded ({@code breached_at}) and
     * promises broken ({@code broken_at}) in it.
     */
    record GoDark(long responseBreaches, long brokenPromises) {}

    /** The clocks (of every kind) that stopped in an interval: within their target, or past it. */
    record Compliance(long met, long missed) {}

    /**
     * The go-dark incidents per interval, as the go-dark report counts them (the last interval includes its end);
     * throws {@link IllegalArgumentException} for fewer than two boundaries.
     */
    List<GoDark> goDark(List<Instant> boundaries);

    /** The clocks stopped per interval, met and missed; throws {@link IllegalArgumentException} for fewer than two. */
    List<Compliance> compliance(List<Instant> boundaries);
}
