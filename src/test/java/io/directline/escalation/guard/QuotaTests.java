package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.NOW;
import static io.directline.escalation.EscalationFixtures.OTHER_CASE;
import static io.directline.escalation.EscalationFixtures.afterCompanyFailure;
import static io.directline.escalation.EscalationFixtures.answered;
import static io.directline.escalation.EscalationFixtures.attempt;
import static io.directline.escalation.EscalationFixtures.daysAgo;
import static io.directline.escalation.EscalationFixtures.daysFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class QuotaTests {

    private final Quota rule = new Quota(2, Duration.ofDays(90));

    @Test
    void allowsWhileTheOwnerIsUnderTheQuota() {
        var decision =
                rule.check(attempt().previous(answered(OTHER_CASE, daysAgo(10))).build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
        assertThat(decision.reason())
                .isEqualTo("You have escalated 1 of the 2 cases we take to an executive for you" + " in 90 days.");
    }

    @Test
    void refusesAThirdEscalationInTheWindowUntilTheOldestLeavesIt() {
        var decision = rule.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(10)), answered(3, daysAgo(80)))
                .build());

        assertThat(decision.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(decision.retryAfter()).isEqualTo(daysFromNow(10));
        assertThat(decision.reason())
                .isEqualTo("You have already escalated 2 cases to an executive in the last 90 days, the most we"
                        + " allow. You can escalate again from Monday 30 November 2026 at 11:00 (Europe/Berlin);"
                        + " until then you can ask for a supervisor callback.");
    }

    @Test
    void anEscalationLeavesTheWindowExactlyOneWindowAfterItWasMade() {
        var decision = rule.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(10)), answered(3, daysAgo(90)))
                .build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void anEscalationOneSecondYoungerThanTheWindowStillCounts() {
        var decision = rule.check(attempt()
                .previous(
                        answered(OTHER_CASE, daysAgo(10)),
                        answered(3, daysAgo(90).plusSeconds(1)))
                .build());

        assertThat(decision.isRefused()).isTrue();
        assertThat(decision.retryAfter()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void escalationsWeCausedByFailingTheOwnerDoNotCount() {
        var decision = rule.check(attempt()
                .previous(afterCompanyFailure(OTHER_CASE, daysAgo(5)), afterCompanyFailure(3, daysAgo(20)))
                .previous(answered(4, daysAgo(30)))
                .build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void overAQuotaLoweredSinceTheOwnerMustWaitUntilEnoughHaveLeftTheWindow() {
        var decision = rule.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(5)), answered(3, daysAgo(60)), answered(4, daysAgo(85)))
                .build());

        assertThat(decision.retryAfter()).isEqualTo(daysFromNow(30));
        assertThat(decision.reason()).startsWith("You have already escalated 3 cases");
    }

    @Test
    void withAQuotaOfZeroWaitingDoesNotHelp() {
        var decision = new Quota(0, Duration.ofDays(90)).check(attempt().build());

        assertThat(decision.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decision.retryAfter()).isNull();
        assertThat(decision.reason()).contains("only where we broke a promise or missed a deadline");
    }
}
