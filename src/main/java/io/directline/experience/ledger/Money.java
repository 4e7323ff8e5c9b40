package io.directline.experience.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts as a person reads them. */
public final class Money {

    private Money() {}

    /** "$123,456". */
    public static String usd(BigDecimal amount) {
        var format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(0);
        return format.format(amount.setScale(0, RoundingMode.HALF_UP));
    }

    /** "$210k", "$1.2M", "$900". */
    public static String shortUsd(BigDecimal amount) {
        var v = amount.setScale(0, RoundingMode.HALF_UP).longValue();
        if (v >= 1_000_000) {
            return "$"
                    + BigDecimal.valueOf(v)
                            .divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    + "M";
        }
        if (v >= 1_000) {
            return "$" + Math.round(v / 1000.0) + "k";
        }
        return "$" + v;
    }
}
