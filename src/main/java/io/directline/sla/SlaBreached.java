package io.directline.sla;

import java.time.Instant;

/** An SLA clock of a case ran past its target while the company owed the owner an answer or a resolution. */
public record SlaBreached(
        long caseId, long clockId, ClockKind kind, long policyId, Instant dueAt, Instant detectedAt) {}
