package io.directline.escalation.responder;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of an owner's request for a staff member, with the sentence the owner is told.
 *
 * @param responder the staff member asked for (for a supervisor: the one who answers or, failing that, the one
 *     worth waiting for)
 * @param availability why they can or cannot answer now
 * @param honoured whether they have the case and can answer now
 * @param waiting whether the owner chose to wait for them, so they have the case though they cannot answer now
 * @param availableFrom from when they can answer: now, the next start of their working time, or null when nobody
 *     can say (they have too many cases, or no working time at all)
 * @param message in plain words, in the owner's time zone: who answers, and if not them, why and when
 */
record ResponderDecision(
        ResponderCandidate responder,
        Availability availability,
        boolean honoured,
        boolean waiting,
        Instant availableFrom,
        String message) {

    /** Why the staff member asked for can or cannot answer now. */
    enum Availability {
        /** At work, with room for the case. */
        AVAILABLE,
        /** Not at work now; starts again at {@code availableFrom}. */
        OFF_WORK,
        /** Too many active cases to take this one soon. */
        NO_ROOM,
        /** No working time at all for now: nobody can say when they are back. */
        AWAY
    }

    ResponderDecision {
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(message, "message");
        if (honoured && waiting) {
            throw new IllegalArgumentException("an owner waits only for someone who cannot answer now");
        }
    }

    /** Whether the case is to be theirs. */
    boolean assigned() {
        return honoured || waiting;
    }
}
