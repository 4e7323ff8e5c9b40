package io.directline.escalation.ladder;

import io.directline.escalation.ClimbCause;
import io.directline.escalation.Rung;
import io.directline.sla.SlaSnapshot.ClockView;
import io.directline.sla.SlaSnapshot.NoticeView;
import io.directline.sla.SlaSnapshot.PolicyView;
import java.time.Instant;
import java.util.List;

/** What the case page and the API show of a case's SLA and its place on the ladder. */
final class LadderViews {

    private LadderViews() {}

    /**
     * A case's SLA at one moment: its policy (null when none applies), its rung and holder on the escalation
     * ladder, its clocks (oldest first), its escalation trail and the notices telling its owner we are late.
     */
    record CaseSlaView(
            long caseId,
            String reference,
            PolicyView policy,
            Rung rung,
            String holder,
            List<ClockView> clocks,
            List<StepView> escalations,
            List<NoticeView> notices) {}

    /** One step of the trail. */
    record StepView(Instant at, Rung rung, String rungLabel, ClimbCause cause, String from, String to, String reason) {

        static StepView of(LadderStep e) {
            return new StepView(
                    e.getAt(),
                    e.getRung(),
                    e.getRung().label(),
                    e.getCause(),
                    e.getFromHolder(),
                    e.getToHolder(),
                    e.getReason());
        }
    }
}
