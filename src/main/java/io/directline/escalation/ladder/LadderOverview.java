package io.directline.escalation.ladder;

import io.directline.cases.CaseManagement;
import io.directline.escalation.ladder.LadderViews.CaseSlaView;
import io.directline.escalation.ladder.LadderViews.StepView;
import io.directline.sla.SlaOverview;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a case's SLA looks like now, with its place on the ladder, for the case page and the API: the
 * policy, clocks and notices from {@code sla}, the rung, holder and trail from the ladder.
 */
@Component
@Transactional(readOnly = true)
class LadderOverview {

    private final SlaOverview sla;
    private final EscalationLadder ladder;
    private final CaseManagement cases;

    LadderOverview(SlaOverview sla, EscalationLadder ladder, CaseManagement cases) {
        this.sla = sla;
        this.ladder = ladder;
        this.cases = cases;
    }

    /** The SLA of a case as it stands now; a 404 problem for an unknown case. */
    CaseSlaView of(long caseId) {
        var supportCase = cases.get(caseId);
        var snapshot = sla.of(caseId);
        return new CaseSlaView(
                caseId,
                supportCase.reference(),
                snapshot.policy(),
                ladder.rungOf(caseId),
                ladder.holderOf(caseId).orElse(null),
                snapshot.clocks(),
                ladder.trailOf(caseId).stream().map(StepView::of).toList(),
                snapshot.notices());
    }
}
