package io.directline.experience.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.journey.Price;
import io.directline.journey.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifetimeValuesTests {

    private static final ExperienceProperties.Lifetime RULES = new ExperienceProperties.Lifetime(
            new BigDecimal("0.10"), new BigDecimal("0.25"), new BigDecimal("0.50"), BigDecimal.TEN, "referred-by");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @Test
    void aFirstPurchaseThisYearIsWorthItsPrice() {
        var value = LifetimeValues.compute(List.of(purchase("A", 35_000, "2026-06-01")), 0, TODAY, RULES);
        assertThat(value.value()).isEqualByComparingTo("35000");
        assertThat(value.how())
                .isEqualTo("$35,000 in 1 purchase × loyalty 1 (1 + 0.1 × 0 years + 0.25 × 0 repeat purchases + 0.5 × 0"
                        + " referrals) = $35,000.");
    }

    @Test
    void tenureRepeatPurchasesAndReferralsRaiseTheMultiplier() {
        var value = LifetimeValues.compute(
                List.of(purchase("A", 60_000, "2022-05-01"), purchase("B", 90_000, "2025-01-10")), 2, TODAY, RULES);
        // 150,000 × (1 + 0.1 × 4 + 0.25 × 1 + 0.5 × 2) = 150,000 × 2.65
        assertThat(value.value()).isEqualByComparingTo("397500");
        assertThat(value.how()).contains("× loyalty 2.65").contains("4 years").contains("2 referrals");
    }

    @Test
    void isCappedAtTenTimesTheFirstPurchase() {
        var purchases = List.of(
                purchase("A", 35_000, "2010-01-01"),
                purchase("B", 120_000, "2015-01-01"),
                purchase("C", 120_000, "2020-01-01"),
                purchase("D", 120_000, "2024-01-01"));
        var value = LifetimeValues.compute(purchases, 3, TODAY, RULES);
        assertThat(value.value()).isEqualByComparingTo("350000");
        assertThat(value.how()).endsWith("capped at 10 × the first purchase ($35,000) = $350,000.");
    }

    private static Purchase purchase(String ref, long amount, String on) {
        return new Purchase(ref, 1, Price.usd(amount), LocalDate.parse(on), Set.of());
    }
}
