package io.directline.journey.delay;

/** Where a delayed estimate's notice stands. */
public enum DelayStatus {
    /** Waiting for the hold (or the owner's notice gap) to pass. */
    HELD,
    /** The owner's personal notice is queued in the outbox. */
    SENT,
    /** A broadcast told the owner; no personal notice. */
    COVERED,
    /** A newer estimate came before the notice went; that one is told instead. */
    SUPERSEDED,
    /** The estimate came back within the threshold: the milestone is no longer delayed. */
    ON_TIME;

    /** The owner heard of this estimate from us. */
    public boolean told() {
        return this == SENT || this == COVERED;
    }
}
