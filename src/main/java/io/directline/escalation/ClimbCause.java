package io.directline.escalation;

/** Why a case climbed the escalation ladder. */
public enum ClimbCause {
    SLA_BREACH,
    PROMISE_BROKEN,
    /** The owner took the case to an executive themselves. */
    OWNER_REQUEST
}
