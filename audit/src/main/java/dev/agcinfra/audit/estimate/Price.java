package dev.agcinfra.audit.estimate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A sourced price for one category in one region: one flat tier, or several tiers over a cumulative quantity.
 *
 * @param category what it prices
 * @param region the AWS region code
 * @param tiers at least one tier; the last has no upper bound
 * @param source where the figure comes from (a document, an API, a file)
 * @param date when the figure was collected (ISO date), or {@code null} when the source gives none
 */
public record Price(Category category, String region, List<Tier> tiers, String source, String date) {
    public Price {
        Objects.requireNonNull(category, "category must be non-null");
        Objects.requireNonNull(region, "region must be non-null");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a price needs at least one tier: " + category + " in " + region);
        }
        for (int i = 0; i < tiers.size() - 1; i++) {
            if (tiers.get(i).upTo() == null) {
                throw new IllegalArgumentException("only the last tier may be unbounded: " + category + " in " + region);
            }
            if (i > 0 && tiers.get(i).upTo().compareTo(tiers.get(i - 1).upTo()) <= 0) {
                throw new IllegalArgumentException("tier bounds must increase: " + category + " in " + region);
            }
        }
        if (tiers.get(tiers.size() - 1).upTo() != null) {
            throw new IllegalArgumentException("the last tier must be unbounded: " + category + " in " + region);
        }
    }

    public static Price flat(Category category, String region, BigDecimal usd, String source, String date) {
        return new Price(category, region, List.of(Tier.flat(usd)), source, date);
    }

    public boolean tiered() {
        return tiers.size() > 1;
    }

    /** The first tier's price: the whole price when flat. */
    public BigDecimal firstUsd() {
        return tiers.get(0).usd();
    }

    /** The cost of {@code quantity} units when {@code already} units of the region were billed before it. */
    public BigDecimal cost(BigDecimal already, BigDecimal quantity) {
        return cumulativeCost(already.add(quantity)).subtract(cumulativeCost(already));
    }

    /** The cost of {@code quantity} units from zero. */
    public BigDecimal cost(BigDecimal quantity) {
        return cumulativeCost(quantity);
    }

    private BigDecimal cumulativeCost(BigDecimal quantity) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            if (quantity.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = tier.upTo() == null ? quantity : tier.upTo().min(quantity);
            total = total.add(upper.subtract(lower).multiply(tier.usd()));
            lower = upper;
        }
        return total;
    }

    /**
     * Human text of the unit price: {@code $0.045 per GB processed}, or for tiers {@code $0.01 per GB processed
     * (first 1 PB), $0.006 (next 4 PB), $0.004 (above 5 PB), tiered per month over all interface endpoints of the region}.
     */
    public String describe(String perWhat) {
        if (!tiered()) {
            return "$" + firstUsd().toPlainString() + " per " + perWhat;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tiers.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('$').append(tiers.get(i).usd().toPlainString())
                    .append(i == 0 ? " per " + perWhat : "").append(" (").append(CostEstimator.tierLabel(this, i)).append(')');
        }
        return text + ", tiered per month over all interface endpoints of the region";
    }
}
