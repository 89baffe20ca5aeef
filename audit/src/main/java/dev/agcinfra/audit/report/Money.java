package dev.agcinfra.audit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * US dollars in reports: the only place money is rounded (to cents, half up). Computations never round; what is
 * shown or written does, here.
 */
public final class Money {

    private Money() {
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
