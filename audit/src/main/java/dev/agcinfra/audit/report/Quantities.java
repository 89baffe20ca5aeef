package dev.agcinfra.audit.report;

import java.math.BigDecimal;

/** Quantities in reports: numbers with separators, GB and PB, plain decimals. Money is {@link Money}'s. */
public final class Quantities {
    private static final BigDecimal PB = new BigDecimal(1_000_000);

    private Quantities() {
    }

    /** A GB amount as text: whole petabytes as {@code 1 PB}, else {@code 1,000 GB}. */
    public static String gb(BigDecimal gb) {
        if (gb.signum() > 0 && gb.remainder(PB).signum() == 0) {
            return gb.divide(PB).toBigInteger() + " PB";
        }
        return number(gb) + " GB";
    }

    /** A plain number without trailing zeros, e.g. a quantity or a unit price. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A quantity as text with thousands separators and no trailing zeros: {@code 1,460}, {@code 0.5}. */
    public static String number(BigDecimal value) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
