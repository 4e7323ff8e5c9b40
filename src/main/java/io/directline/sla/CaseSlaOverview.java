package io.directline.sla;

import io.directline.cases.CaseManagement;
import io.directline.sla.SlaViews.CaseSlaView;
import io.directline.sla.SlaViews.ClockView;
import io.directline.sla.SlaViews.EscalationView;
import io.directline.sla.SlaViews.NoticeView;
import io.directline.sla.SlaViews.PolicyView;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads what a case's SLA looks like now, for the case page and the API. */
@Component
@Transactional(readOnly = true)
class CaseSlaOverview {

    private final CaseClocks clocks;
    private final SlaPolicies policies;
    private final Escalations escalations;
    private final OwnerNotices notices;
    private final CaseManagement cases;
    private final Clock clock;

    CaseSlaOverview(
            CaseClocks clocks,
            SlaPolicies policies,
            Escalations escalations,
            OwnerNotices notices,
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
