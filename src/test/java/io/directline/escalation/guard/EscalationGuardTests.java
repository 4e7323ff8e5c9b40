package io.directline.escalation.guard;

import static io.directline.escalation.EscalationFixtures.CASE;
import static io.directline.escalation.EscalationFixtures.OTHER_CASE;
import static io.directline.escalation.EscalationFixtures.answered;
import static io.directline.escalation.EscalationFixtures.attempt;
import static io.directline.escalation.EscalationFixtures.daysAgo;
import static io.directline.escalation.EscalationFixtures.daysFromNow;
import static io.directline.escalation.EscalationFixtures.frivolous;
import static io.directline.escalation.EscalationFixtures.inState;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseStatus;
import io.directline.escalation.EscalationFixtures;
import io.directline.escalation.office.EscalationState;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EscalationGuardTests {

    private final EscalationGuard guard = new EscalationGuard(EscalationFixtures.defaults());

    @Test
    void allowsAnOwnersTwoDayOldCaseWithAGoodReasonAndRecordsEveryRule() {
        var verdict = guard.check(attempt().build());

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.startsIn()).isEqualTo(EscalationState.OPEN);
        assertThat(verdict.decisions())
                .extracting(RuleDecision::rule)
                .containsExactly(
                        "owners-case",
                        "case-open",
                        "one-open-per-case",
                        "fair-chance",
                        "quota",
                        "cooldown",
                        "reason-length",
                        "pre-approval");
        assertThat(verdict.decisions()).extracting(RuleDecision::kind).containsOnly(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void anotherOwnersCaseIsNotFoundAndNothingElseAboutItIsLookedAt() {
        var verdict = guard.check(attempt().notTheOwners().reason("short").build());

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(verdict.decisions()).extracting(RuleDecision::rule).containsExactly("owners-case");
    }

    @Test
    void keepsEveryRulesDecisionAfterARefusal() {
        var verdict = guard.check(attempt()
                .status(CaseStatus.CLOSED)
                .openedAgo(Duration.ofHours(1))
                .reason("help")
                .build());

        assertThat(verdict.refusal().rule()).isEqualTo("case-open");
        assertThat(verdict.decisions()).hasSize(8);
        assertThat(verdict.decisionOf("fair-chance").orElseThrow().isRefused()).isTrue();
        assertThat(verdict.decisionOf("reason-length").orElseThrow().isRefused())
                .isTrue();
    }

    @Test
    void aCaseAlreadyWithTheOfficeIsShownBeforeAnyWait() {
        var verdict = guard.check(attempt()
                .previous(inState(EscalationState.OPEN, CASE, daysAgo(2)))
                .build());

        assertThat(verdict.refusal().rule()).isEqualTo("one-open-per-case");
        assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(verdict.decisionOf("cooldown").orElseThrow().isRefused()).isTrue();
    }

    @Test
    void showsWhatTheOwnerMustWaitOutBeforeAReasonTheyCanFixAtOnce() {
        var verdict = guard.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(3)))
                .reason("Call me now!")
                .build());

        assertThat(verdict.refusal().rule()).isEqualTo("cooldown");
        assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(verdict.decisionOf("reason-length").orElseThrow().status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whenTwoWaitsApplyShowsTheOneThatEndsLastSoTheRetryTimeIsTrue() {
        // The quota lifts in 2 days (88 + 90), the cool-down only in 5 (2 + 7).
        var verdict = guard.check(attempt()
                .previous(answered(3, daysAgo(88)), answered(OTHER_CASE, daysAgo(2)))
                .build());

        assertThat(verdict.decisionOf("quota").orElseThrow().retryAfter()).isEqualTo(daysFromNow(2));
        assertThat(verdict.refusal().rule()).isEqualTo("cooldown");
        assertThat(verdict.refusal().retryAfter()).isEqualTo(daysFromNow(5));
    }

    @Test
    void aYoungCaseOverTheQuotaShowsTheQuotaWhenItLiftsLater() {
        var verdict = guard.check(attempt()
                .openedAgo(Duration.ofHours(2))
                .previous(answered(3, daysAgo(80)), answered(OTHER_CASE, daysAgo(10)))
                .build());

        assertThat(verdict.decisionOf("fair-chance").orElseThrow().isRefused()).isTrue();
        assertThat(verdict.refusal().rule()).isEqualTo("quota");
        assertThat(verdict.refusal().retryAfter()).isEqualTo(daysFromNow(10));
    }

    @Test
    void anOwnerWithAFrivolousMarkIsHeardButWaitsForTheOfficesApproval() {
        var verdict = guard.check(
                attempt().previous(frivolous(OTHER_CASE, daysAgo(30))).build());

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.startsIn()).isEqualTo(EscalationState.PENDING_APPROVAL);
    }

    @Test
    void aRefusalWinsOverPreApproval() {
        var verdict = guard.check(attempt()
                .previous(frivolous(OTHER_CASE, daysAgo(30)))
                .reason("Call me now!")
                .build());

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal().rule()).isEqualTo("reason-length");
    }

    /** Our failure is never held against the owner — but it does not open another owner's or a closed case. */
    @Nested
    class WhenWeAlreadyFailedTheOwnerOnTheCase {

        @Test
        void escalatesAnHourOldCaseAtOnceWhateverTheQuotaCooldownAndRecord() {
            var verdict = guard.check(attempt()
                    .companyFailed()
                    .openedAgo(Duration.ofHours(1))
                    .previous(answered(3, daysAgo(20)), frivolous(OTHER_CASE, daysAgo(1)))
                    .build());

            assertThat(verdict.allowed()).isTrue();
            assertThat(verdict.startsIn()).isEqualTo(EscalationState.OPEN);
            assertThat(verdict.decisionOf("fair-chance").orElseThrow().kind()).isEqualTo(RuleDecision.Kind.ALLOWED);
            for (var waived : new String[] {"quota", "cooldown", "pre-approval"}) {
                var decision = verdict.decisionOf(waived).orElseThrow();
                assertThat(decision.kind()).as(waived).isEqualTo(RuleDecision.Kind.WAIVED);
                assertThat(decision.reason()).as(waived).contains("never held against you");
            }
        }

        @Test
        void anotherOwnersCaseIsStillNotFound() {
            var verdict = guard.check(attempt().notTheOwners().companyFailed().build());

            assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void aClosedCaseIsStillRefused() {
            var verdict = guard.check(
                    attempt().companyFailed().status(CaseStatus.CLOSED).build());

            assertThat(verdict.refusal().rule()).isEqualTo("case-open");
            assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void aCaseAlreadyWithTheOfficeIsStillRefused() {
            var verdict = guard.check(attempt()
                    .companyFailed()
                    .previous(inState(EscalationState.HANDED_BACK, CASE, daysAgo(1)))
                    .build());

            assertThat(verdict.refusal().rule()).isEqualTo("one-open-per-case");
        }

        @Test
        void aShortReasonIsStillRefused() {
            var verdict = guard.check(attempt()
                    .companyFailed()
                    .previous(answered(OTHER_CASE, daysAgo(1)))
                    .reason("Call me now!")
                    .build());

            assertThat(verdict.refusal().rule()).isEqualTo("reason-length");
            assertThat(verdict.refusal().status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(verdict.decisionOf("cooldown").orElseThrow().kind()).isEqualTo(RuleDecision.Kind.WAIVED);
        }
    }
}
