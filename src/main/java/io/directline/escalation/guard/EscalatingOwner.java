package io.directline.escalation.guard;

import io.directline.escalation.office.ExecutiveEscalation;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An owner who pressed the button at least once. Its row is locked while the guard decides an attempt of theirs,
 * so parallel attempts of one owner are decided one after the other and cannot beat the quota together.
 */
@Entity
@Table(name = "escalation_owner")
public class EscalatingOwner {

    @Id
    private Long customerId;

    private Instant lastAttemptAt;

    protected EscalatingOwner() {}

    public EscalatingOwner(long customerId, Instant at) {
        this.customerId = customerId;
        this.lastAttemptAt = ExecutiveEscalation.stored(at);
    }

    public void attempted(Instant at) {
        this.lastAttemptAt = ExecutiveEscalation.stored(at);
    }
}
