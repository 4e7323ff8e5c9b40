package io.directline.sla;

import java.time.Instant;

/** A promise was made to the owner of a case. */
public record PromiseMade(
        long caseId, long promiseId, String description, String responsible, Instant dueAt, String by, Instant at) {}
