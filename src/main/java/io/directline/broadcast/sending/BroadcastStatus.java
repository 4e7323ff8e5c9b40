package io.directline.broadcast.sending;

/** Where a broadcast stands. */
public enum BroadcastStatus {
    /** Written, waiting for someone to approve it. */
    AWAITING_APPROVAL("awaiting approval"),
    /** Approved: its notices are being queued, one per owner. */
    SENDING("queuing notices"),
    /** Every owner's notice is queued; the outbox delivers them. */
    QUEUED("all notices queued"),
    CANCELLED("cancelled");

    private final String label;

    BroadcastStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
