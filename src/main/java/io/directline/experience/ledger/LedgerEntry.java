package io.directline.experience.ledger;

import io.directline.cases.SupportCase;
import io.directline.experience.EntrySource;
import java.time.Instant;

/**
 * One experience of an owner, as the ledger keeps it.
 *
 * @param sign +1 good, −1 bad
 * @param caseId the case it is about, or null
 * @param orderRef the order it is about, or null
 * @param createdBy who wrote it: a staff member's username, or "system" for an entry from an event
 */
public record LedgerEntry(
        long id,
        long customerId,
        EntrySource source,
        int sign,
        int weight,
        Long caseId,
        String orderRef,
        String note,
        Instant at,
        String createdBy) {

    /** What happened, in a few words: "promise broken on case DL-000123". */
    public String describe() {
        var what = switch (source) {
            case FIRST_RESPONSE -> sign > 0 ? "answered within the SLA" : "answered past the SLA";
            case RESOLUTION -> sign > 0 ? "resolved within the SLA" : "resolved past the SLA";
            case PROMISE -> sign > 0 ? "promise kept" : "promise broken";
            case FIRST_CONTACT_RESOLUTION -> "resolved on first contact";
            case CASE_REOPENED -> "case reopened";
            case ESCALATION -> "case escalated";
            case DELAY_TOLD -> sign > 0 ? "told of a delay before asking" : "had to ask about a delay";
            case SURVEY -> sign > 0 ? "good survey answer" : "poor survey answer";
            case SERVICE_VISIT -> sign > 0 ? "service visit on time" : "service visit late";
            case MANUAL -> (sign > 0 ? "good experience" : "bad experience") + " noted by " + createdBy;
        };
        if (caseId != null) {
            return what + " on case " + SupportCase.reference(caseId);
        }
        return orderRef == null ? what : what + " on order " + orderRef;
    }
}
