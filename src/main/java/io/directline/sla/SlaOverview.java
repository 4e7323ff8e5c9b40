package io.directline.sla;

import io.directline.sla.SlaSnapshot.ClockView;
import io.directline.sla.SlaSnapshot.NoticeView;
import io.directline.sla.SlaSnapshot.PolicyView;
import io.directline.sla.clock.CaseSla;
import io.directline.sla.policy.SlaPolicies;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what a case's SLA looks like now, for the pages and the API that show it. */
@Service
@Transactional(readOnly = true)
public class SlaOverview {

    private final SlaClockService clocks;
    private final SlaPolicies policies;
    private final OwnerNotifier notices;
    private final Clock clock;

    SlaOverview(SlaClockService clocks, SlaPolicies policies, OwnerNotifier notices, Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.notices = notices;
        this.clock = clock;
    }

    /** The SLA of a case as it stands now; never null (no policy, no clocks and no notices for an unknown case). */
    public SlaSnapshot of(long caseId) {
        var now = clock.instant();
        var policy = clocks.slaOf(caseId)
                .map(CaseSla::getPolicyId)
                .map(policies::get)
                .map(PolicyView::of)
                .orElse(null);
        return new SlaSnapshot(
                policy,
                clocks.ofCase(caseId).stream()
                        .map(c -> ClockView.of(c, clocks.compute(c), now))
                        .toList(),
                notices.ofCase(caseId).stream().map(NoticeView::of).toList());
    }
}
