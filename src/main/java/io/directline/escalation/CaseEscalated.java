package io.directline.escalation;




import io.directline.escalation.Rung;
import io.directline.escalation.ladder.LadderStep;
import io.directline.escalation.ladder.EscalationLadder;
import java.time.Instant;

/** A case climbed the escalation ladder because time ran out; {@code holder} answers for it now. */
public record CaseEscalated(
        long caseId, Rung from, Rung to, String holder, EscalationLadder.Cause cause, String reason, Instant at) {}
