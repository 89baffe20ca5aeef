package dev.agcinfra.audit.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money for outputs: computations never round; reports round to cents, half up, here only. */
final class Money {

    private Money() {
    }

    /** Rounded to cents without trailing zeros, for JSON and CSV: {@code 262.8}, {@code 0}, {@code 14.6}. */
    static BigDecimal cents(BigDecimal usd) {
        if (usd == null) {
            return null;
        }
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return cents.scale() < 0 ? cents.setScale(0) : cents;
    }

    /** A plain number without trailing zeros (quantities, unit prices). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** For tables: {@code $1,234.50}. */
    static String usd(BigDecimal usd) {
        return usd == null ? "unknown" : String.format(Locale.ROOT, "$%,.2f", usd.setScale(2, RoundingMode.HALF_UP));
    }
}
