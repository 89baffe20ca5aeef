package dev.agcinfra.audit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * US dollars: the only place money is rounded, half up. Reports show and write cents; the retained job and cleanup
 * keep what they price to a hundredth of a cent ({@link #toHundredthOfCent}), since a few GB left behind cost less
 * than a cent a month. Computations never round otherwise.
 */
public final class Money {

    /** Decimal places of {@link #toHundredthOfCent}. */
    public static final int HUNDREDTH_OF_CENT_SCALE = 4;

    private Money() {
    }

    /**
     * Rounded to a hundredth of a cent, half up, with that scale: {@code 0.0013}, {@code 0.0000}. What the retained
     * job and cleanup price (a leftover bucket or log group's month) and their totals.
     */
    public static BigDecimal toHundredthOfCent(BigDecimal usd) {
        return usd.setScale(HUNDREDTH_OF_CENT_SCALE, RoundingMode.HALF_UP);
    }

    /** Rounded to cents, half up: {@code 262.80}. */
    public static BigDecimal round(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP);
    }

    /** For JSON and CSV: rounded to cents, without trailing zeros ({@code 262.8}, {@code 0}); {@code null} stays null. */
    public static BigDecimal json(BigDecimal usd) {
        return usd == null ? null : Quantities.plain(round(usd));
    }

    /** For tables: {@code $1,234.50}; {@code unknown} for {@code null}. */
    public static String table(BigDecimal usd) {
        return usd == null ? "unknown" : String.format(Locale.ROOT, "$%,.2f", round(usd));
    }

    /** For tables of small amounts (storage left behind): {@code $32.85}, and below a cent {@code $0.0012}. */
    public static String tableWithFractions(BigDecimal usd) {
        BigDecimal cents = round(usd);
        if (usd.signum() != 0 && cents.signum() == 0) {
            return "$" + usd.stripTrailingZeros().toPlainString();
        }
        return table(usd);
    }
}
