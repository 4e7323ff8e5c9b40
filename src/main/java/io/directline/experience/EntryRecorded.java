package io.directline.experience;

import java.time.Instant;

/**
 * An entry was added to an owner's experience ledger (never for a replayed event, which adds nothing).
 *
 * @param sign +1 for a good experience, −1 for a bad one
 * @param caseId the case it is about, or null
 * @param orderRef the order it is about, or null
 */
public record EntryRecorded(
        long entryId,
        long customerId,
        Long caseId,
        String orderRef,
        EntrySource source,
        int sign,
        int weight,
        String note,
        Instant at) {
    public boolean negative() {
        return sign < 0;
    }
}
