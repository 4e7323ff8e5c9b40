package io.directline.experience.ledger;

import java.math.BigDecimal;

/**
 * What an owner is worth over their lifetime, and how it was computed.
 *
 * @param value never null; zero for an owner without a priced purchase
 * @param how the computation with the owner's numbers, for a person
 */
public record LifetimeValue(BigDecimal value, String how) {

    public static final LifetimeValue NONE = new LifetimeValue(BigDecimal.ZERO.setScale(2), "No priced purchases.");
}
