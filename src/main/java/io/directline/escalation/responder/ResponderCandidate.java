package io.directline.escalation.responder;

import io.directline.identity.StaffAvailability;
import java.util.Objects;

/**
 * A staff member who could answer the owner, with what decides whether they can now.
 *
 * @param username their login
 * @param displayName their name as the owner reads it
 * @param availability whether they are at work now, and if not when they start
 * @param activeCases the active cases they hold, this one included when they hold it
 * @param holdsCase whether the case is theirs already
 */
record ResponderCandidate(
        String username, String displayName, StaffAvailability availability, long activeCases, boolean holdsCase) {

    ResponderCandidate {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(availability, "availability");
    }

    /** Whether they can take the case: fewer than {@code capacity} other active cases. */
    boolean hasRoom(int capacity) {
        return (holdsCase ? activeCases - 1 : activeCases) < capacity;
    }

    boolean canAnswerNow(int capacity) {
        return availability.atWork() && hasRoom(capacity);
    }
}
