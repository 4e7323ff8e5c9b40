package io.directline.experience.ledger;

import io.directline.journey.Orders;
import io.directline.journey.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An owner's lifetime value from their purchases (the journey's priced orders): the sum of the purchases × a loyalty
 * multiplier, capped at {@code cap} × the first purchase. The multiplier is 1 + per-tenure-year × whole years since
 * the first purchase + per-repeat-purchase × purchases after the first + per-referral × owners who name this owner in
 * a {@code referred-by:<id>} order tag (see {@link ExperienceProperties.Lifetime}). Amounts in another currency than
 * the first purchase's are left out rather than converted.
 */
@Component
class LifetimeValues {

    private final Orders orders;
    private final ExperienceProperties properties;
    private final Clock clock;

    LifetimeValues(Orders orders, ExperienceProperties properties, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    LifetimeValue of(long customerId) {
        var purchases = orders.purchasesOf(customerId);
        if (purchases.isEmpty()) {
            return LifetimeValue.NONE;
        }
        var referrals = orders.ownersTagged(properties.lifetime().referralTag() + ":" + customerId);
        return compute(
                purchases, referrals, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), properties.lifetime());
    }

    /** The computation itself, with its numbers in words; {@code purchases} first purchased first, not empty. */
    static LifetimeValue compute(
            List<Purchase> purchases, long referrals, LocalDate today, ExperienceProperties.Lifetime rules) {
        var first = purchases.get(0);
        var currency = first.price().currency();
        var counted = purchases.stream()
                .filter(p -> p.price().currency().equals(currency))
                .toList();
        var sum = counted.stream().map(p -> p.price().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        long years = Math.max(0, ChronoUnit.YEARS.between(first.purchasedOn(), today));
        int repeats = counted.size() - 1;
        var multiplier = BigDecimal.ONE
                .add(rules.perTenureYear().multiply(BigDecimal.valueOf(years)))
                .add(rules.perRepeatPurchase().multiply(BigDecimal.valueOf(repeats)))
                .add(rules.perReferral().multiply(BigDecimal.valueOf(referrals)));
        var raw = sum.multiply(multiplier).setScale(2, RoundingMode.HALF_UP);
        var cap = first.price().amount().multiply(rules.cap()).setScale(2, RoundingMode.HALF_UP);
        var value = raw.min(cap);
        var how = new StringBuilder()
                .append(money(sum, currency))
                .append(" in ")
                .append(counted.size())
                .append(counted.size() == 1 ? " purchase" : " purchases")
                .append(" × loyalty ")
                .append(plain(multiplier))
                .append(" (1 + ")
                .append(plain(rules.perTenureYear()))
                .append(" × ")
                .append(years)
                .append(years == 1 ? " year" : " years")
                .append(" + ")
                .append(plain(rules.perRepeatPurchase()))
                .append(" × ")
                .append(repeats)
                .append(repeats == 1 ? " repeat purchase" : " repeat purchases")
                .append(" + ")
                .append(plain(rules.perReferral()))
                .append(" × ")
                .append(referrals)
                .append(referrals == 1 ? " referral" : " referrals")
                .append(") = ")
                .append(money(raw, currency));
        if (raw.compareTo(cap) > 0) {
            how.append(", capped at ")
                    .append(plain(rules.cap()))
                    .append(" × the first purchase (")
                    .append(money(first.price().amount(), currency))
                    .append(") = ")
                    .append(money(cap, currency));
        }
        if (counted.size() < purchases.size()) {
            how.append("; ").append(purchases.size() - counted.size()).append(" in other currencies left out");
        }
        return new LifetimeValue(value, how.append('.').toString());
    }

    private static String money(BigDecimal amount, String currency) {
        return "USD".equals(currency)
                ? Money.usd(amount)
                : currency + " " + Money.usd(amount).substring(1);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
