package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.NOW;
import static io.directline.escalation.EscalationFixtures.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MinimumCaseAgeTests {

    private final MinimumCaseAge rule = new MinimumCaseAge(Duration.ofHours(24));

    @Test
    void refusesACaseYoungerThanTheMinimumAgeUntilItIsOldEnough() {
        var decision = rule.check(attempt().openedAgo(Duration.ofHours(3)).build());

        assertThat(decision.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(decision.retryAfter()).isEqualTo(NOW.plus(Duration.ofHours(21)));
        assertThat(decision.reason())
                .isEqualTo("Case DL-000042 was opened 3 hours ago; the team gets 24 hours to answer before it can go"
                        + " to an executive. You can escalate it from Saturday 21 November 2026 at 08:00"
                        + " (Europe/Berlin); until then you can ask for a supervisor callback.");
    }

    @Test
    void allowsACaseFromTheInstantItReachesTheMinimumAge() {
        var decision = rule.check(attempt().openedAgo(Duration.ofHours(24)).build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void refusesACaseOneSecondShortOfTheMinimumAge() {
        var decision = rule.check(
                attempt().openedAgo(Duration.ofHours(24).minusSeconds(1)).build());

        assertThat(decision.isRefused()).isTrue();
        assertThat(decision.retryAfter()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void allowsAnHourOldCaseAtOnceWhenWeAlreadyFailedTheOwnerOnIt() {
        var decision = rule.check(
                attempt().openedAgo(Duration.ofHours(1)).companyFailed().build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
        assertThat(decision.reason()).contains("We broke a promise or missed a deadline on case DL-000042");
    }
}
