package io.directline.experience.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The 12:1 balance of an owner's experiences over the window: positives − negative-weight × negatives. Below zero
 * the owner is at risk, and the share of their lifetime value at stake (the risk factor) rises linearly from 0 at a
 * balance of zero to 1 at a balance of −2 × negative-weight (two bad experiences with nothing good to set against
 * them): {@code risk = min(1, −balance ÷ (2 × negative-weight))}, 0 when the balance is ≥ 0.
 *
 * @param positives the weights of the good entries in the window
 * @param negatives the weights of the bad entries in the window
 * @param negativeWeight how many good experiences one bad one weighs
 */
public record Balance(int positives, int negatives, int negativeWeight) {

    public Balance {
        if (positives < 0 || negatives < 0 || negativeWeight < 1) {
            throw new IllegalArgumentException("positives and negatives are ≥ 0, the negative weight ≥ 1");
        }
    }

    public int value() {
        return positives - negativeWeight * negatives;
    }

    public boolean atRisk() {
        return value() < 0;
    }

    /** How many more good experiences bring the balance back to zero; 0 when it is not below. */
    public int goodNeeded() {
        return Math.max(0, -value());
    }

    /** The share of the lifetime value at stake, 0 to 1 with four decimals. */
    public BigDecimal riskFactor() {
        if (!atRisk()) {
            return BigDecimal.ZERO.setScale(4);
        }
        var factor =
                BigDecimal.valueOf(-value()).divide(BigDecimal.valueOf(2L * negativeWeight), 4, RoundingMode.HALF_UP);
        return factor.min(BigDecimal.ONE.setScale(4));
    }

    /** The lifetime value at stake: {@code lifetimeValue × riskFactor()}, to the cent. */
    public BigDecimal valueAtRisk(BigDecimal lifetimeValue) {
        return lifetimeValue.multiply(riskFactor()).setScale(2, RoundingMode.HALF_UP);
    }

    /** The formula with this owner's numbers, such as "5 − 12 × 1 = −7". */
    public String formula() {
        return positives + " − " + negativeWeight + " × " + negatives + " = " + value();
    }
}
