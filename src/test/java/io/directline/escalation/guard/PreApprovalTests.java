package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.OTHER_CASE;
import static io.directline.escalation.EscalationFixtures.answered;
import static io.directline.escalation.EscalationFixtures.attempt;
import static io.directline.escalation.EscalationFixtures.daysAgo;
import static io.directline.escalation.EscalationFixtures.frivolous;
import static io.directline.escalation.EscalationFixtures.refusedByTheOffice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreApprovalTests {

    private final PreApproval rule = new PreApproval(Duration.ofDays(90));

    @Test
    void oneFrivolousMarkWithinTheWindowCallsForApprovalWithoutRefusing() {
        var decision = rule.check(
                attempt().previous(frivolous(OTHER_CASE, daysAgo(30))).build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.NEEDS_APPROVAL);
        assertThat(decision.isRefused()).isFalse();
        assertThat(decision.status()).isNull();
        assertThat(decision.reason())
                .startsWith("The executive office marked as frivolous the escalation you made on 21 October 2026,"
                        + " so it will first approve this one");
    }

    @Test
    void anEscalationTheOfficeRefusedAlsoCallsForApproval() {
        var decision = rule.check(
                attempt().previous(refusedByTheOffice(OTHER_CASE, daysAgo(60))).build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.NEEDS_APPROVAL);
        assertThat(decision.reason()).startsWith("The executive office refused the escalation you made on");
    }

    @Test
    void aMarkStopsCountingOneWindowAfterTheEscalation() {
        assertThat(rule.check(attempt()
                                .previous(frivolous(OTHER_CASE, daysAgo(90)))
                                .build())
                        .kind())
                .isEqualTo(RuleDecision.Kind.ALLOWED);
        assertThat(rule.check(attempt()
                                .previous(frivolous(OTHER_CASE, daysAgo(90).plusSeconds(1)))
                                .build())
                        .kind())
                .isEqualTo(RuleDecision.Kind.NEEDS_APPROVAL);
    }

    @Test
    void escalationsWithoutAMarkNeedNoApproval() {
        var decision = rule.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(10)), answered(3, daysAgo(50)))
                .build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }
}
