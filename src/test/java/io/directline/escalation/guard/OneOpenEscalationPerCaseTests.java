package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.CASE;
import static io.directline.escalation.EscalationFixtures.OTHER_CASE;
import static io.directline.escalation.EscalationFixtures.answered;
import static io.directline.escalation.EscalationFixtures.attempt;
import static io.directline.escalation.EscalationFixtures.daysAgo;
import static io.directline.escalation.EscalationFixtures.inState;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.escalation.office.EscalationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

class OneOpenEscalationPerCaseTests {

    private final OneOpenEscalationPerCase rule = new OneOpenEscalationPerCase();

    @ParameterizedTest
    @EnumSource(
            value = EscalationState.class,
            names = {"PENDING_APPROVAL", "OPEN", "HANDED_BACK"})
    void refusesACaseAlreadyWithTheExecutiveOffice(EscalationState state) {
        var decision =
                rule.check(attempt().previous(inState(state, CASE, daysAgo(3))).build());

        assertThat(decision.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(decision.reason())
                .isEqualTo("Case DL-000042 is already with the executive office (you escalated it on 17 November"
                        + " 2026); they will answer you on the case. You can add to it by writing on the case.");
        assertThat(decision.retryAfter()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = EscalationState.class,
            names = {"ANSWERED", "CLOSED"})
    void allowsACaseWhoseEarlierEscalationIsSettled(EscalationState state) {
        var decision =
                rule.check(attempt().previous(inState(state, CASE, daysAgo(30))).build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void anOpenEscalationOnAnotherCaseDoesNotCount() {
        var decision = rule.check(attempt()
                .previous(inState(EscalationState.OPEN, OTHER_CASE, daysAgo(10)), answered(CASE, daysAgo(40)))
                .build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }
}
