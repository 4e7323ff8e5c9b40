package io.directline.escalation.office;

/** Where an executive escalation stands. */
public enum EscalationState {
    /** The owner's record calls for the executive office to approve it before it reaches an executive. */
    PENDING_APPROVAL,
    /** With the executive, awaiting their first response. */
    OPEN,
    /** The executive answered the owner personally. */
    ANSWERED,
    /** The executive gave the case back to a team with instructions and keeps it on their watch list. */
    HANDED_BACK,
    /** Done, including escalations the executive office refused. */
    CLOSED;

    /**
     * Still with the executive office: a second escalation of the same case would reach the same people. A case
     * handed back stays on the executive's watch list, so it counts as open.
     */
    public boolean isOpen() {
        return this == PENDING_APPROVAL || this == OPEN || this == HANDED_BACK;
    }

    /** In words: "awaiting approval", "with the executive", "answered", "handed back", "closed". */
    public String label() {
        return switch (this) {
            case PENDING_APPROVAL -> "awaiting the executive office's approval";
            case OPEN -> "with the executive";
            case ANSWERED -> "answered";
            case HANDED_BACK -> "handed back to a team, on the executive's watch list";
            case CLOSED -> "closed";
        };
    }
}
