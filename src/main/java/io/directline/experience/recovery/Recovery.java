package io.directline.experience.recovery;

import java.time.Instant;

/**
 * A recovery started by a negative experience.
 *
 * @param status OPEN, RECOVERED (the balance came back to zero or above within the recovery window) or LAPSED
 * @param callbackPromiseId the promise of a supervisor's callback on the case, if the playbook had one
 */
record Recovery(
        long id,
        long customerId,
        Long caseId,
        long playbookId,
        String playbookName,
        long entryId,
        String status,
        int balanceAtStart,
        Long callbackPromiseId,
        Instant startedAt,
        Instant endedAt) {}
