package io.directline.escalation;

import java.time.Instant;
import java.util.List;

/**
 * The escalations per interval, for the reports of other modules: one element per interval between consecutive
 * {@code boundaries} ({@code [b0, b1)}, {@code [b1, b2)}, …), counted in the database by one aggregate over an indexed
 * range per table.
 */
public interface EscalationTrends {

    /**
     * The escalations of an interval.
     *
     * @param ladderClimbs rungs climbed on the escalation ladder (to a supervisor, the executive office, an
     *     executive), by the watchdog or an owner's request
     * @param executiveRequests owners' requests for an executive the guard let through
     * @param frivolous those of {@code executiveRequests} the executive office marked frivolous
     */
    record Escalations(long ladderClimbs, long executiveRequests, long frivolous) {}

    /** The escalations per interval; throws {@link IllegalArgumentException} for fewer than two boundaries. */
    List<Escalations> perInterval(List<Instant> boundaries);
}
