package dev.agcinfra.audit.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a price: {@code usd} per unit for the quantity up to {@code upTo} (cumulative, exclusive of earlier tiers).
 *
 * @param upTo the cumulative quantity where this tier ends, or {@code null} for the last, unbounded tier
 * @param usd the price per unit in this tier
 */
public record Tier(BigDecimal upTo, BigDecimal usd) {
    public Tier {
        Objects.requireNonNull(usd, "usd must be non-null");
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative: " + usd);
        }
    }

    public static Tier flat(BigDecimal usd) {
        return new Tier(null, usd);
    }
}
