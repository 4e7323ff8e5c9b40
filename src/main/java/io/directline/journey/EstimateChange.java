package io.directline.journey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a milestone's estimate, as the order's history keeps it.
 *
 * @param previous the estimate before (null for the first estimate)
 * @param current the estimate after
 * @param reason why; may be null for a first estimate
 * @param by who or what changed it (a username, "import")
 */
public record EstimateChange(
        Milestone milestone, LocalDate previous, LocalDate current, String reason, Instant at, String by) {}
