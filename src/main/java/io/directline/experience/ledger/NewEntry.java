package io.directline.experience.ledger;

import io.directline.experience.EntrySource;
import java.time.Instant;
import java.util.Objects;

/**
 * An experience to record.
 *
 * @param eventKey names the event it comes from, unique across the ledger: the same key twice records once
 */
public record NewEntry(
        long customerId,
        EntrySource source,
        int sign,
        int weight,
        Long caseId,
        String orderRef,
        String note,
        String eventKey,
        Instant at,
        String createdBy) {

    public NewEntry {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign is +1 or −1, not " + sign);
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight is at least 1, not " + weight);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** An entry from another module's event, weight 1, written by the system. */
    public static NewEntry fromEvent(
            long customerId,
            EntrySource source,
            int sign,
            Long caseId,
            String orderRef,
            String note,
            String key,
            Instant at) {
        return new NewEntry(customerId, source, sign, 1, caseId, orderRef, note, key, at, "system");
    }
}
