package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.costs.ActualCosts.RegionActual;
import dev.agcinfra.audit.costs.ActualCosts.UsageTypeActual;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.CostEstimator;
import dev.agcinfra.audit.estimate.EstimateReport;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.PriceSource;
import dev.agcinfra.audit.estimate.UsageAssumptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code costs} report before any output format: per region, what bills by the hour and its estimated monthly
 * run rate, and what Cost Explorer says it actually cost; then advice, warnings and errors.
 *
 * @param tag      the tag that selects resources and costs
 * @param prices   where the prices come from
 * @param periods  the actual-cost periods
 * @param regions  one entry per audited region, in the order asked for
 * @param budgetUsd the {@code --budget}, or {@code null}
 * @param advice   what could be saved, and how
 * @param warnings what makes a figure less than complete
 * @param errors   failed AWS calls (regions' and Cost Explorer's)
 */
public record CostsReport(TagFilter tag, String prices, BillingPeriods periods, List<RegionCosts> regions,
                          BigDecimal budgetUsd, List<Advice> advice, List<String> warnings, List<AuditError> errors) {

    public static final String CURRENCY = "USD";
    public static final int HOURS_PER_MONTH = CostEstimator.HOURS_PER_MONTH;

    public CostsReport {
        regions = List.copyOf(regions);
        advice = List.copyOf(advice);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * One region.
     *
     * @param estimate the run rate, priced by the estimate's model ({@code items}, {@code usageBased}, {@code unknown})
     * @param actual   the actual costs, or {@code null} when Cost Explorer was not read or failed
     */
    public record RegionCosts(String region, int natGateways, int interfaceEndpoints, int endpointNetworkInterfaces,
                              int publicIpv4, int idleElasticIps, StackEstimate estimate, RegionActual actual) {

        /** The sum of the priced items, unrounded; unknown items are left out. */
        public BigDecimal estimatedMonthlyUsd() {
            return estimate.monthlyUsd();
        }
    }

    /**
     * A way to save money.
     *
     * @param region     where
     * @param kind       {@code public-subnets}, {@code idle-elastic-ip} or {@code idle-nat-gateway}
     * @param resource   the resource concerned, or {@code null} for the whole region
     * @param monthlyUsd what it would save per month (priced items only)
     * @param message    what to do, for people
     */
    public record Advice(String region, String kind, String resource, BigDecimal monthlyUsd, String message) {
    }

    /** The sum of every region's estimate, unrounded. */
    public BigDecimal totalEstimatedMonthlyUsd() {
        return regions.stream().map(RegionCosts::estimatedMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether every billed item had a price (else the total is a lower bound). */
    public boolean complete() {
        return regions.stream().allMatch(r -> r.estimate().unknown().isEmpty());
    }

    /** Whether {@code --budget} was given and the estimated total exceeds it. */
    public boolean overBudget() {
        return budgetUsd != null && totalEstimatedMonthlyUsd().compareTo(budgetUsd) > 0;
    }

    /** Whether Cost Explorer was read successfully. */
    public boolean hasActuals() {
        return regions.stream().anyMatch(r -> r.actual() != null);
    }

    /**
     * Prices the inventories and joins the actuals.
     *
     * @param inventories one per audited region, in order
     * @param prices      the price table (the estimate's)
     * @param actuals     Cost Explorer's answer, or {@code null} when not read
     * @param budgetUsd   the budget, or {@code null}
     * @param jobErrors   the regions' failed calls
     * @param advisor     the advice rules
     */
    public static CostsReport build(TagFilter tag, List<RegionInventory> inventories, PriceSource prices,
            CostExplorerReader.Result actuals, BigDecimal budgetUsd, List<AuditError> jobErrors, Advisor advisor,
            BillingPeriods periods) {
        Objects.requireNonNull(advisor, "advisor must be non-null");
        EstimateReport estimate = new CostEstimator(prices, UsageAssumptions.NONE)
                .estimate(inventories.stream().map(RegionInventory::toStackInventory).toList());
        ActualCosts costs = actuals == null ? null : actuals.actuals();
        List<RegionCosts> regions = new ArrayList<>();
        List<Advice> advice = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < inventories.size(); i++) {
            RegionInventory inventory = inventories.get(i);
            StackEstimate stack = estimate.stacks().get(i);
            RegionCosts region = new RegionCosts(inventory.region(), inventory.natGateways().size(),
                    inventory.interfaceEndpoints().size(), inventory.endpointNetworkInterfaces(),
                    inventory.publicIpv4(), inventory.idleElasticIps().size(), stack,
                    costs == null ? null : costs.region(inventory.region()));
            regions.add(region);
            advice.addAll(advisor.advise(inventory, region));
            warnings.addAll(unknownPriceWarnings(region));
        }
        jobErrors.stream().map(AuditError::region).distinct().forEach(region -> warnings.add(region
                + ": some calls failed (see errors), so its counts and estimate may be incomplete"));
        if (actuals != null) {
            warnings.addAll(actuals.warnings());
        }
        if (costs != null) {
            warnings.addAll(actualsOutside(costs, inventories.stream().map(RegionInventory::region).toList()));
        }
        List<AuditError> errors = new ArrayList<>(jobErrors);
        if (actuals != null) {
            errors.addAll(actuals.errors());
        }
        return new CostsReport(tag, estimate.prices(), periods, regions, budgetUsd, advice, warnings, errors);
    }

    private static List<String> unknownPriceWarnings(RegionCosts region) {
        Map<Category, Integer> byCategory = new TreeMap<>();
        region.estimate().unknown().forEach(u -> byCategory.merge(u.category(), 1, Integer::sum));
        List<String> warnings = new ArrayList<>();
        byCategory.forEach((category, n) -> warnings.add(region.region() + ": no sourced price for " + category.id()
                + " (" + n + (n == 1 ? " item" : " items") + "): reported as unknown, so the estimated total is a "
                + "lower bound; give the price with --price-file"));
        return warnings;
    }

    /** Actual costs Cost Explorer puts in regions not audited, or under region prefixes not known. */
    private static List<String> actualsOutside(ActualCosts costs, List<String> audited) {
        List<String> warnings = new ArrayList<>();
        for (String region : costs.regions()) {
            if (!audited.contains(region)) {
                RegionActual actual = costs.region(region);
                warnings.add("Cost Explorer reports costs tagged with the tag in " + region + ", which was not audited: "
                        + Money.table(actual.lastMonthUsd()) + " last month, " + Money.table(actual.monthToDateUsd())
                        + " month to date; add it to --regions");
            }
        }
        Set<String> prefixes = new LinkedHashSet<>();
        BigDecimal lastMonth = BigDecimal.ZERO;
        BigDecimal monthToDate = BigDecimal.ZERO;
        for (UsageTypeActual line : costs.unattributed().values()) {
            prefixes.add(line.prefix());
            lastMonth = lastMonth.add(line.lastMonthUsd());
            monthToDate = monthToDate.add(line.monthToDateUsd());
        }
        if (!prefixes.isEmpty()) {
            warnings.add("Cost Explorer usage types with unknown region prefixes " + String.join(", ", prefixes)
                    + " are in no region: " + Money.table(lastMonth) + " last month, " + Money.table(monthToDate)
                    + " month to date");
        }
        return warnings;
    }
}
