package io.directline.journey.order;

import io.directline.journey.Milestone;
import io.directline.journey.MilestoneStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One milestone of an order, as its row holds it; changed only by {@link JourneyOrder}. */
public final class MilestoneRow {

    final Milestone milestone;
    LocalDate promised;
    LocalDate estimate;
    LocalDate actual;
    LocalDate previousEstimate;
    String reason;
    boolean delayed;
    LocalDate toldEstimate;
    Instant toldAt;
    String toldSource;

    /** Not yet stored. */
    boolean fresh;
    /** Stored, and changed since it was loaded. */
    boolean dirty;

    MilestoneRow(Milestone milestone) {
        this.milestone = milestone;
    }

    MilestoneStatus status() {
        return new MilestoneStatus(
                milestone,
                promised,
                estimate,
                actual,
                previousEstimate,
                reason,
                delayed,
                toldEstimate,
                toldAt,
                toldSource);
    }

    /** The dates as a comparable value, to tell whether anything moved. */
    Object fingerprint() {
        return java.util.Arrays.asList(promised, estimate, actual, previousEstimate, reason, delayed);
    }

    boolean same(Object before) {
        return Objects.equals(before, fingerprint());
    }
}
