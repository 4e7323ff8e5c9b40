package io.directline.escalation.responder;

/** Whom the owner asks to answer their case. */
enum ResponderKind {
    /** The staff member who last answered the owner, on this case or an earlier one. */
    PREVIOUS_AGENT("the agent you dealt with before", "the agent they dealt with before"),
    /** A supervisor of the case's team, else any supervisor. */
    SUPERVISOR("a supervisor", "a supervisor"),
    /** Whoever of the team is free first: the default, and how the owner withdraws a request. */
    TEAM("our team", "the team");

    private final String toOwner;
    private final String toStaff;

    ResponderKind(String toOwner, String toStaff) {
        this.toOwner = toOwner;
        this.toStaff = toStaff;
    }

    /** As the owner reads it: "a supervisor". */
    String toOwner() {
        return toOwner;
    }

    /** As staff read it on the case: "the agent they dealt with before". */
    String toStaff() {
        return toStaff;
    }
}
