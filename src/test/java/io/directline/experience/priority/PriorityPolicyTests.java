package io.directline.experience.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriorityPolicyTests {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private final PriorityPolicy policy = new PriorityPolicy(new PriorityProperties(2, 5, Duration.ofHours(24)));

    @Test
    void anOwnerAtRiskWithValueAtStakeMovesTheirCasesAhead() {
        var stake = policy.stakeOf(-7, new BigDecimal("61250"), new BigDecimal("210000"));
        // 2 × 61.25 (rounded) + 5 × 7
        assertThat(stake.minutes()).isEqualTo(123 + 35);
        assertThat(stake.reason()).isEqualTo("owner at risk (balance −7) · $210k lifetime value ($61k at risk)");
    }

    @Test
    void nothingAtStakeForAnOwnerInGoodStanding() {
        var stake = policy.stakeOf(5, BigDecimal.ZERO, new BigDecimal("84500"));
        assertThat(stake.minutes()).isZero();
        assertThat(stake.reason()).isEqualTo("$85k lifetime value");
        assertThat(policy.stakeOf(0, BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(PriorityPolicy.Stake.NONE);
    }

    @Test
    void theStakeIsCapped() {
        var stake = policy.stakeOf(-500, new BigDecimal("5000000"), new BigDecimal("5000000"));
        assertThat(stake.minutes()).isEqualTo(24 * 60);
    }

    @Test
    void theWeightsAreConfigurable() {
        var valueOnly = new PriorityPolicy(new PriorityProperties(10, 0, Duration.ofHours(24)));
        assertThat(valueOnly
                        .stakeOf(-7, new BigDecimal("10000"), new BigDecimal("50000"))
                        .minutes())
                .isEqualTo(100);
    }

    @Test
    void moreAtStakeOutranksAnEarlierDeadline() {
        var soon = NOW.plus(Duration.ofMinutes(40));
        var later = NOW.plus(Duration.ofMinutes(120));
        assertThat(policy.score(later, 158, NOW)).isGreaterThan(policy.score(soon, 0, NOW));
        assertThat(policy.score(later, 30, NOW)).isLessThan(policy.score(soon, 0, NOW));
        assertThat(policy.score(null, 1000, NOW)).isLessThan(policy.score(NOW.plus(Duration.ofDays(30)), 0, NOW));
    }

    @Test
    void theOrderIsTheSameAtEveryInstant() {
        var a = NOW.plus(Duration.ofMinutes(40));
        var b = NOW.plus(Duration.ofMinutes(120));
        for (var at : new Instant[] {NOW, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(5))}) {
            assertThat(policy.score(b, 100, at)).isGreaterThan(policy.score(a, 0, at));
        }
    }

    @Test
    void saysWhyACaseIsWhereItIs() {
        assertThat(policy.whyHere(
                        NOW.plus(Duration.ofMinutes(40)), "owner at risk (balance −7) · $210k lifetime value", NOW))
                .isEqualTo("breaches in 40 min · owner at risk (balance −7) · $210k lifetime value");
        assertThat(policy.whyHere(NOW.minus(Duration.ofMinutes(135)), null, NOW))
                .isEqualTo("breached 2 h 15 min ago");
        assertThat(policy.whyHere(null, "$85k lifetime value", NOW))
                .isEqualTo("no SLA clock running · $85k lifetime value");
    }
}
