package io.directline.experience.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BalanceTests {

    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void oneBadExperienceWeighsTwelveGoodOnes() {
        assertThat(new Balance(12, 1, 12).value()).isZero();
        assertThat(new Balance(12, 1, 12).atRisk()).isFalse();
        assertThat(new Balance(11, 1, 12).value()).isEqualTo(-1);
        assertThat(new Balance(11, 1, 12).atRisk()).isTrue();
        assertThat(new Balance(5, 1, 12).goodNeeded()).isEqualTo(7);
        assertThat(new Balance(30, 2, 12).value()).isEqualTo(6);
    }

    @Test
    void theNegativeWeightIsConfigurable() {
        assertThat(new Balance(5, 1, 3).value()).isEqualTo(2);
        assertThat(new Balance(5, 1, 3).formula()).isEqualTo("5 − 3 × 1 = 2");
    }

    @Test
    void nothingIsAtRiskWhileTheBalanceIsNotBelowZero() {
        var balance = new Balance(12, 1, 12);
        assertThat(balance.riskFactor()).isEqualByComparingTo("0");
        assertThat(balance.valueAtRisk(new BigDecimal("350000"))).isEqualByComparingTo("0");
    }

    @Test
    void theRiskFactorRisesLinearlyToOneAtTwoUnansweredBadExperiences() {
        assertThat(new Balance(0, 1, 12).riskFactor()).isEqualByComparingTo("0.5");
        assertThat(new Balance(6, 1, 12).riskFactor()).isEqualByComparingTo("0.25");
        assertThat(new Balance(0, 2, 12).riskFactor()).isEqualByComparingTo("1");
        assertThat(new Balance(0, 5, 12).riskFactor()).isEqualByComparingTo("1");
        assertThat(new Balance(0, 1, 12).valueAtRisk(new BigDecimal("210000"))).isEqualByComparingTo("105000");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new Balance(-1, 0, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Balance(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsAnOwnerAtRiskWithWhatItTakesToComeBack() {
        var sentence = StandingSentence.of(
                new Balance(5, 1, 12), YEAR, "promise broken on case DL-000123", LocalDate.parse("2027-12-03"));
        assertThat(sentence)
                .isEqualTo("At risk: 1 bad experience (promise broken on case DL-000123) outweighs 5 good ones"
                        + " (balance −7); 7 more good ones over the next 365 days, and no bad one, bring the balance"
                        + " back to zero; the oldest bad one leaves the window on 2027-12-03.");
    }

    @Test
    void explainsAnOwnerNotAtRisk() {
        assertThat(StandingSentence.of(new Balance(14, 1, 12), YEAR, "case reopened on case DL-000007", null))
                .isEqualTo("Not at risk: 14 good experiences outweigh 1 bad experience (case reopened on case"
                        + " DL-000007), each bad one weighing 12 good ones; the balance is +2.");
        assertThat(StandingSentence.of(new Balance(3, 0, 12), YEAR, null, null))
                .isEqualTo("Not at risk: 3 good experiences and no bad one; the balance is +3.");
        assertThat(StandingSentence.of(new Balance(0, 0, 12), YEAR, null, null))
                .isEqualTo("No experiences recorded over the last 365 days: the balance stands at 0, not at risk.");
    }
}
