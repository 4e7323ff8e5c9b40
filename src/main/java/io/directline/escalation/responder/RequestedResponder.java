package io.directline.escalation.responder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The owner's standing choice of who answers their case: one per case, replaced by the owner's next choice. Staff
 * read it on the case; the portal shows the owner what they were told.
 */
@Entity
@Table(name = "requested_responder")
class RequestedResponder {

    @Id
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private ResponderKind kind;

    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private ResponderDecision.Availability availability;

    private Instant requestedAt;
    private boolean honoured;

    @Column(name = "owner_waits")
    private boolean waiting;

    private boolean assigned;
    private String message;

    @Version
    private Long version;

    protected RequestedResponder() {}

    RequestedResponder(long caseId) {
        this.caseId = caseId;
    }

    /**
     * Records the owner's choice. Returns whether it differs from the standing one (another kind, person or
     * availability), so that asking again for the same thing records nothing new.
     *
     * @param username the staff member asked for; null for the team
     * @param availability why they can or cannot answer now; null for the team
     * @param assigned whether the case is theirs because of this choice
     */
    boolean choose(
            ResponderKind kind,
            String username,
            ResponderDecision.Availability availability,
            boolean honoured,
            boolean waiting,
            boolean assigned,
            String message,
            Instant now) {
        boolean changed = this.kind != kind
                || !Objects.equals(this.username, username)
                || this.honoured != honoured
                || this.waiting != waiting;
        if (changed) {
            this.requestedAt = now;
        }
        this.kind = kind;
        this.username = username;
        this.availability = availability;
        this.honoured = honoured;
        this.waiting = waiting;
        this.assigned = assigned;
        this.message = message.length() <= 1000 ? message : message.substring(0, 997) + "...";
        return changed;
    }

    Long getCaseId() {
        return caseId;
    }

    ResponderKind getKind() {
        return kind;
    }

    /** The staff member asked for; null when the owner chose the team. */
    String getUsername() {
        return username;
    }

    /** Why the staff member asked for can or cannot answer now; null when the owner chose the team. */
    ResponderDecision.Availability getAvailability() {
        return availability;
    }

    /** When the owner made this choice (asking again for the same does not move it). */
    Instant getRequestedAt() {
        return requestedAt;
    }

    boolean isHonoured() {
        return honoured;
    }

    boolean isWaiting() {
        return waiting;
    }

    /** Whether the case went to {@link #getUsername()} because of this choice. */
    boolean isAssigned() {
        return assigned;
    }

    /** What the owner was told. */
    String getMessage() {
        return message;
    }
}
