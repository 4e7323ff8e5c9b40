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

class CooldownTests {

    private final Cooldown rule = new Cooldown(Duration.ofDays(7));

    @Test
    void refusesSecondEscalationWithinCooldownUntilItEnds() {
        var decision =
                rule.check(attempt().previous(answered(OTHER_CASE, daysAgo(3))).build());

        assertThat(decision.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(decision.retryAfter()).isEqualTo(daysFromNow(4));
        assertThat(decision.reason())
                .isEqualTo("Your last executive escalation was on 17 November 2026, and we take one to an executive"
                        + " for you every 7 days at most. You can escalate again from Tuesday 24 November 2026 at"
                        + " 11:00 (Europe/Berlin); until then you can ask for a supervisor callback.");
    }

    @Test
    void countsFromTheLatestEscalationWhateverTheOrderGiven() {
        var decision = rule.check(attempt()
                .previous(answered(3, daysAgo(40)), answered(OTHER_CASE, daysAgo(2)), answered(4, daysAgo(20)))
                .build());

        assertThat(decision.retryAfter()).isEqualTo(daysFromNow(5));
    }

    @Test
    void allowsFromTheInstantTheCooldownEnds() {
        assertThat(rule.check(attempt()
                                .previous(answered(OTHER_CASE, daysAgo(7)))
                                .build())
                        .kind())
                .isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void refusesOneSecondBeforeTheCooldownEnds() {
        var decision = rule.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(7).plusSeconds(1)))
                .build());

        assertThat(decision.isRefused()).isTrue();
        assertThat(decision.retryAfter()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void anEscalationWeCausedByFailingTheOwnerStartsNoCooldown() {
        var decision = rule.check(attempt()
                .previous(afterCompanyFailure(OTHER_CASE, daysAgo(1)), answered(3, daysAgo(30)))
                .build());

        assertThat(decision.kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void allowsAFirstEscalation() {
        assertThat(rule.check(attempt().build()).kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
    }
}
