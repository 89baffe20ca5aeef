package dev.agcinfra.audit.estimate;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the AGC infrastructure of some stacks costs per month, before any output format.
 *
 * @param hoursPerMonth the hours in a month (730, as infracost and the AWS calculator use)
 * @param prices where the prices came from
 * @param stacks one estimate per stack, in input order
 */
public record EstimateReport(int hoursPerMonth, String prices, List<StackEstimate> stacks) {

    public static final String CURRENCY = "USD";

    public EstimateReport {
        stacks = List.copyOf(stacks);
    }

    /** The sum of every stack's priced items (unknown items excluded: see {@link #hasUnknown()}). */
    public BigDecimal totalMonthlyUsd() {
        return stacks.stream().map(StackEstimate::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether some item could not be priced, so the total is a lower bound. */
    public boolean hasUnknown() {
        return stacks.stream().anyMatch(s -> !s.unknown().isEmpty());
    }

    /**
     * The estimate of one stack.
     *
     * @param stack the stack name
     * @param region its region, or {@code null} when not known
     * @param items what is priced, each with quantity, unit price and monthly cost
     * @param usageBased what bills by traffic and has no assumed volume: unit price only
     * @param unknown what bills but cannot be priced, with the reason
     * @param free what is listed but free (gateway endpoints)
     */
    public record StackEstimate(String stack, String region, List<PricedItem> items, List<UsageBasedItem> usageBased,
                                List<UnknownItem> unknown, List<FreeItem> free) {
        public StackEstimate {
            items = List.copyOf(items);
            usageBased = List.copyOf(usageBased);
            unknown = List.copyOf(unknown);
            free = List.copyOf(free);
        }

        /** The sum of the priced items, unrounded. */
        public BigDecimal monthlyUsd() {
            return items.stream().map(PricedItem::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The sum of the priced items of one category, unrounded. */
        public BigDecimal monthlyUsd(Category category) {
            return items.stream().filter(i -> i.category() == category).map(PricedItem::monthlyUsd)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * A priced line: {@code monthlyUsd = quantity × unitPriceUsd}, unrounded.
     *
     * @param address the Terraform address, {@code aws_nat_gateway.<name>}, or {@code <type>.*} for traffic over
     *     all resources of a type in the stack
     * @param tier the price tier when the category is tiered ({@code first 1 PB}), else {@code null}
     * @param source where the unit price comes from
     */
    public record PricedItem(String address, Category category, BigDecimal quantity, String unit,
                             BigDecimal unitPriceUsd, BigDecimal monthlyUsd, String tier, String source) {
    }

    /** A line that bills by traffic, with no volume assumed: {@code unitPrice} is text such as "$0.045 per GB processed". */
    public record UsageBasedItem(String address, Category category, String unit, String unitPrice, String source) {
    }

    /** A line that bills but cannot be priced; {@code category} may be {@code null} for a whole resource. */
    public record UnknownItem(String address, Category category, String reason) {
    }

    /** A line that is free, listed so nothing looks forgotten. */
    public record FreeItem(String address, String kind, String note) {
    }
}
