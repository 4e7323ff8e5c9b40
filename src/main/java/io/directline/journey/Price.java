package io.directline.journey;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an order was bought for.
 *
 * @param amount more than zero, at most {@value #MAX_AMOUNT}, to the cent
 * @param currency an ISO 4217 code such as USD; USD when not given
 */
public record Price(BigDecimal amount, String currency) {

    public static final long MAX_AMOUNT = 100_000_000L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Throws {@link InvalidOrderException} (400, field {@code price}) for an amount or currency out of range. */
    public Price {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
            throw new InvalidOrderException(
                    "price",
                    "price must be more than 0 and at most " + MAX_AMOUNT + ", not "
                            + (amount == null ? "empty" : amount.toPlainString()) + ".");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidOrderException(
                    "price", "price has at most two decimals (cents), not " + amount.toPlainString() + ".");
        }
        amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        currency = currency == null || currency.isBlank()
                ? "USD"
                : currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidOrderException(
                    "currency",
                    "currency is a three-letter ISO code such as USD or EUR, not \""
                            + (currency.length() > 10 ? currency.substring(0, 10) + "…" : currency) + "\".");
        }
    }

    public static Price usd(long amount) {
        return new Price(BigDecimal.valueOf(amount), "USD");
    }
}
