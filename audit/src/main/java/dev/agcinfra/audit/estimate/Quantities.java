package dev.agcinfra.audit.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of quantities and money for people; computations never round. */
final class Quantities {
    private static final BigDecimal PB = new BigDecimal(1_000_000);

    private Quantities() {
    }

    /** A GB amount as text: whole petabytes as {@code 1 PB}, else {@code 1,000 GB}. */
    static String gb(BigDecimal gb) {
        if (gb.signum() > 0 && gb.remainder(PB).signum() == 0) {
            return gb.divide(PB).toBigInteger() + " PB";
        }
        return number(gb) + " GB";
    }

    /** Money rounded to cents, half up: the only place where money is rounded. */
    static BigDecimal cents(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP);
    }

    /** Money for JSON: rounded to cents, no trailing zeros ({@code 262.8}, {@code 0}). */
    static BigDecimal centsForJson(BigDecimal usd) {
        BigDecimal cents = cents(usd).stripTrailingZeros();
        return cents.scale() < 0 ? cents.setScale(0) : cents;
    }

    /** A plain number without trailing zeros, e.g. a quantity or a unit price. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A quantity as text with thousands separators and no trailing zeros: {@code 1,460}, {@code 0.5}. */
    static String number(BigDecimal value) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** Money as text for tables: {@code $1,234.50}. */
    static String usd(BigDecimal usd) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", cents(usd));
    }
}
