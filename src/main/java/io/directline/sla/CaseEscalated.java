package io.directline.sla;

import java.time.Instant;

/** A case climbed the escalation ladder because time ran out; {@code holder} answers for it now. */
public record CaseEscalated(
        long caseId, Rung from, Rung to, String holder, Escalations.Cause cause, String reason, Instant at) {}
