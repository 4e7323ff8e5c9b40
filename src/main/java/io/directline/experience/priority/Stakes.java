package io.directline.experience.priority;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseOpened;
import io.directline.cases.CaseStakes;
import io.directline.cases.SupportCase;
import io.directline.experience.StandingChanged;
import io.directline.experience.ledger.Ledger;
import io.directline.experience.ledger.StandingLines;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what is at stake on each case: when an owner's standing changes, and when a case opens, every case of the
 * owner that is not closed learns its stake (see {@link PriorityPolicy}); a case's SLA deadline moving is counted by
 * the case itself. Also gives the case page the owner's standing and the inbox its words.
 */
@Component
class Stakes implements CaseStakes {

    private final Ledger ledger;
    private final CaseManagement cases;
    private final PriorityPolicy policy;

    Stakes(Ledger ledger, CaseManagement cases, PriorityProperties properties) {
        this.ledger = ledger;
        this.cases = cases;
        this.policy = new PriorityPolicy(properties);
    }

    @ApplicationModuleListener
    void on(StandingChanged changed) {
        var stake = policy.stakeOf(changed.after());
        cases.stake(changed.after().customerId(), stake.minutes(), stake.reason());
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var stake = policy.stakeOf(ledger.standingOf(opened.customerId()));
        cases.stake(opened.customerId(), stake.minutes(), stake.reason());
    }

    @Override
    public List<StakeLine> standingOf(long customerId) {
        return StandingLines.of(ledger.breakdownOf(customerId), ledger.windowDays()).stream()
                .map(l -> new StakeLine(l.what(), l.value(), l.how()))
                .toList();
    }

    @Override
    public String whyHere(SupportCase supportCase, Instant now) {
        return policy.whyHere(supportCase.getSlaDueAt(), supportCase.getStakeReason(), now);
    }
}
