package io.directline.escalation.ladder;








import io.directline.sla.SlaClockService;
import io.directline.sla.policy.SlaPolicies;
import io.directline.sla.clock.CaseSla;
import io.directline.sla.OwnerNotifier;
import io.directline.escalation.Rung;
import io.directline.escalation.ladder.LadderStep;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.cases.CaseManagement;
import io.directline.escalation.ladder.LadderViews.CaseSlaView;
import io.directline.escalation.ladder.LadderViews.ClockView;
import io.directline.escalation.ladder.LadderViews.EscalationView;
import io.directline.escalation.ladder.LadderViews.NoticeView;
import io.directline.escalation.ladder.LadderViews.PolicyView;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads what a case's SLA looks like now, for the case page and the API. */
@Component
@Transactional(readOnly = true)
class LadderOverview {

    private final SlaClockService clocks;
    private final SlaPolicies policies;
    private final EscalationLadder escalations;
    private final OwnerNotifier notices;
    private final CaseManagement cases;
    private final Clock clock;

    LadderOverview(
            SlaClockService clocks,
            SlaPolicies policies,
            EscalationLadder escalations,
            OwnerNotifier notices,
            CaseManagement cases,
            Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.escalations = escalations;
        this.notices = notices;
        this.cases = cases;
        this.clock = clock;
    }

    /** The SLA of a case as it stands now; a 404 problem for an unknown case. */
    CaseSlaView of(long caseId) {
        var supportCase = cases.get(caseId);
        var now = clock.instant();
        var sla = clocks.slaOf(caseId);
        var policy = sla.map(CaseSla::getPolicyId)
                .map(policies::get)
                .map(PolicyView::of)
                .orElse(null);
        return new CaseSlaView(
                caseId,
                supportCase.reference(),
                policy,
                sla.map(CaseSla::getRung).orElse(Rung.ASSIGNEE),
                sla.map(CaseSla::getHolder).orElse(null),
                clocks.ofCase(caseId).stream()
                        .map(c -> ClockView.of(c, clocks.compute(c), now))
                        .toList(),
                escalations.trailOf(caseId).stream().map(EscalationView::of).toList(),
                notices.ofCase(caseId).stream().map(NoticeView::of).toList());
    }
}
