package io.directline.sla;

import java.time.Instant;

/** A promise's due time passed while it was still open. */
public record PromiseBroken(long caseId, long promiseId, String responsible, Instant dueAt, Instant brokenAt) {}
