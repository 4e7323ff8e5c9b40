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
        var guardDecision = guard.check(attempt().build());

        assertThat(guardDecision.allowed()).isTrue();
        assertThat(guardDecision.startsIn()).isEqualTo(EscalationState.OPEN);
        assertThat(guardDecision.decisions())
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
        assertThat(guardDecision.decisions()).extracting(RuleDecision::kind).containsOnly(RuleDecision.Kind.ALLOWED);
    }

    @Test
    void anotherOwnersCaseIsNotFoundAndNothingElseAboutItIsLookedAt() {
        var guardDecision = guard.check(attempt().notTheOwners().reason("short").build());

        assertThat(guardDecision.allowed()).isFalse();
        assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(guardDecision.decisions()).extracting(RuleDecision::rule).containsExactly("owners-case");
    }

    @Test
    void keepsEveryRulesDecisionAfterARefusal() {
        var guardDecision = guard.check(attempt()
                .status(CaseStatus.CLOSED)
                .openedAgo(Duration.ofHours(1))
                .reason("help")
                .build());

        assertThat(guardDecision.refusal().rule()).isEqualTo("case-open");
        assertThat(guardDecision.decisions()).hasSize(8);
        assertThat(guardDecision.decisionOf("fair-chance").orElseThrow().isRefused())
                .isTrue();
        assertThat(guardDecision.decisionOf("reason-length").orElseThrow().isRefused())
                .isTrue();
    }

    @Test
    void aCaseAlreadyWithTheOfficeIsShownBeforeAnyWait() {
        var guardDecision = guard.check(attempt()
                .previous(inState(EscalationState.OPEN, CASE, daysAgo(2)))
                .build());

        assertThat(guardDecision.refusal().rule()).isEqualTo("one-open-per-case");
        assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(guardDecision.decisionOf("cooldown").orElseThrow().isRefused())
                .isTrue();
    }

    @Test
    void showsWhatTheOwnerMustWaitOutBeforeAReasonTheyCanFixAtOnce() {
        var guardDecision = guard.check(attempt()
                .previous(answered(OTHER_CASE, daysAgo(3)))
                .reason("Call me now!")
                .build());

        assertThat(guardDecision.refusal().rule()).isEqualTo("cooldown");
        assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(guardDecision.decisionOf("reason-length").orElseThrow().status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whenTwoWaitsApplyShowsTheOneThatEndsLastSoTheRetryTimeIsTrue() {
        // The quota lifts in 2 days (88 + 90), the cool-down only in 5 (2 + 7).
        var guardDecision = guard.check(attempt()
                .previous(answered(3, daysAgo(88)), answered(OTHER_CASE, daysAgo(2)))
                .build());

        assertThat(guardDecision.decisionOf("quota").orElseThrow().retryAfter()).isEqualTo(daysFromNow(2));
        assertThat(guardDecision.refusal().rule()).isEqualTo("cooldown");
        assertThat(guardDecision.refusal().retryAfter()).isEqualTo(daysFromNow(5));
    }

    @Test
    void aYoungCaseOverTheQuotaShowsTheQuotaWhenItLiftsLater() {
        var guardDecision = guard.check(attempt()
                .openedAgo(Duration.ofHours(2))
                .previous(answered(3, daysAgo(80)), answered(OTHER_CASE, daysAgo(10)))
                .build());

        assertThat(guardDecision.decisionOf("fair-chance").orElseThrow().isRefused())
                .isTrue();
        assertThat(guardDecision.refusal().rule()).isEqualTo("quota");
        assertThat(guardDecision.refusal().retryAfter()).isEqualTo(daysFromNow(10));
    }

    @Test
    void anOwnerWithAFrivolousMarkIsHeardButWaitsForTheOfficesApproval() {
        var guardDecision = guard.check(
                attempt().previous(frivolous(OTHER_CASE, daysAgo(30))).build());

        assertThat(guardDecision.allowed()).isTrue();
        assertThat(guardDecision.startsIn()).isEqualTo(EscalationState.PENDING_APPROVAL);
    }

    @Test
    void aRefusalWinsOverPreApproval() {
        var guardDecision = guard.check(attempt()
                .previous(frivolous(OTHER_CASE, daysAgo(30)))
                .reason("Call me now!")
                .build());

        assertThat(guardDecision.allowed()).isFalse();
        assertThat(guardDecision.refusal().rule()).isEqualTo("reason-length");
    }

    /** Our failure is never held against the owner — but it does not open another owner's or a closed case. */
    @Nested
    class WhenWeAlreadyFailedTheOwnerOnTheCase {

        @Test
        void escalatesAnHourOldCaseAtOnceWhateverTheQuotaCooldownAndRecord() {
            var guardDecision = guard.check(attempt()
                    .companyFailed()
                    .openedAgo(Duration.ofHours(1))
                    .previous(answered(3, daysAgo(20)), frivolous(OTHER_CASE, daysAgo(1)))
                    .build());

            assertThat(guardDecision.allowed()).isTrue();
            assertThat(guardDecision.startsIn()).isEqualTo(EscalationState.OPEN);
            assertThat(guardDecision.decisionOf("fair-chance").orElseThrow().kind())
                    .isEqualTo(RuleDecision.Kind.ALLOWED);
            for (var waived : new String[] {"quota", "cooldown", "pre-approval"}) {
                var decision = guardDecision.decisionOf(waived).orElseThrow();
                assertThat(decision.kind()).as(waived).isEqualTo(RuleDecision.Kind.WAIVED);
                assertThat(decision.reason()).as(waived).contains("never held against you");
            }
        }

        @Test
        void anotherOwnersCaseIsStillNotFound() {
            var guardDecision =
                    guard.check(attempt().notTheOwners().companyFailed().build());

            assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void aClosedCaseIsStillRefused() {
            var guardDecision = guard.check(
                    attempt().companyFailed().status(CaseStatus.CLOSED).build());

            assertThat(guardDecision.refusal().rule()).isEqualTo("case-open");
            assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void aCaseAlreadyWithTheOfficeIsStillRefused() {
            var guardDecision = guard.check(attempt()
                    .companyFailed()
                    .previous(inState(EscalationState.HANDED_BACK, CASE, daysAgo(1)))
                    .build());

            assertThat(guardDecision.refusal().rule()).isEqualTo("one-open-per-case");
        }

        @Test
        void aShortReasonIsStillRefused() {
            var guardDecision = guard.check(attempt()
                    .companyFailed()
                    .previous(answered(OTHER_CASE, daysAgo(1)))
                    .reason("Call me now!")
                    .build());

            assertThat(guardDecision.refusal().rule()).isEqualTo("reason-length");
            assertThat(guardDecision.refusal().status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(guardDecision.decisionOf("cooldown").orElseThrow().kind())
                    .isEqualTo(RuleDecision.Kind.WAIVED);
        }
    }
}
