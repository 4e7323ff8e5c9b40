package io.directline.sla;

import java.time.Instant;

/** A promise was kept: the owner was told, before its due time. */
public record PromiseKept(long caseId, long promiseId, long messageId, String by, Instant dueAt, Instant keptAt) {}
