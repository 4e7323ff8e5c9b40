package io.directline.escalation;

import java.time.Instant;

/** A case climbed the escalation ladder; {@code holder} answers for it now. */
public record CaseEscalated(
        long caseId, Rung from, Rung to, String holder, ClimbCause cause, String reason, Instant at) {}
