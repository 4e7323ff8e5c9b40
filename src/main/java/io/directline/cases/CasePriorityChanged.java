package io.directline.cases;

import java.time.Instant;

/** A case's priority changed; what depends on it (SLA targets) is chosen again. */
public record CasePriorityChanged(long caseId, long customerId, Priority from, Priority to, Instant at) {}
