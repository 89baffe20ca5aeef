package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditAccount;
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
 * The {@code costs} report before any output format: per region of each account, what bills by the hour and its
 * estimated monthly run rate, and what Cost Explorer says it actually cost; per account and overall, the totals; then
 * advice, warnings and errors.
 *
 * @param tag       the tag that selects resources and costs
 * @param prices    where the prices come from
 * @param periods   the actual-cost periods
 * @param regions   one entry per region read, account by account, in the order asked for
 * @param budgetUsd the {@code --budget}, or {@code null}
 * @param advice    what could be saved, and how
 * @param warnings  what makes a figure less than complete
 * @param errors    failed AWS calls (accounts', regions' and Cost Explorer's)
 * @param accounts  one entry per account asked for, with its totals
 * @param byAccount whether accounts were asked for ({@code --accounts}, {@code --org}): the table groups by account
 * @param actualsReadIn the account whose Cost Explorer was read (the caller's), or {@code null} when it was not;
 *                  the accounts its actuals cover are those whose {@link AccountCosts#actualsCovered()}
 */
public record CostsReport(TagFilter tag, String prices, BillingPeriods periods, List<RegionCosts> regions,
                          BigDecimal budgetUsd, List<Advice> advice, List<String> warnings, List<AuditError> errors,
                          List<AccountCosts> accounts, boolean byAccount, String actualsReadIn) {

    public static final String CURRENCY = "USD";
    public static final int HOURS_PER_MONTH = CostEstimator.HOURS_PER_MONTH;

    public CostsReport {
        regions = List.copyOf(regions);
        advice = List.copyOf(advice);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        accounts = List.copyOf(accounts);
    }

    /**
     * One region of one account.
     *
     * @param account  the account
     * @param estimate the run rate, priced by the estimate's model ({@code items}, {@code usageBased}, {@code unknown})
     * @param actual   the actual costs, or {@code null} when Cost Explorer was not read, failed, or does not cover the
     *                 account
     */
    public record RegionCosts(String account, String region, int natGateways, int interfaceEndpoints,
                              int endpointNetworkInterfaces, int publicIpv4, int idleElasticIps, StackEstimate estimate,
                              RegionActual actual) {

        /** The sum of the priced items, unrounded; unknown items are left out. */
        public BigDecimal estimatedMonthlyUsd() {
            return estimate.monthlyUsd();
        }
    }

    /**
     * One account's totals.
     *
     * @param account               the account id
     * @param name                  its name in the organization, or {@code null}
     * @param read                  whether it could be read ({@code false}: its role could not be assumed)
     * @param regions               its regions read
     * @param estimatedMonthlyUsd   the sum of its regions' estimates, unrounded
     * @param complete              whether every billed item of it had a price and every call succeeded
     * @param actualLastMonthUsd    what Cost Explorer says it cost last month under the tag, every region; {@code null}
     *                              when the actuals do not cover it
     * @param actualMonthToDateUsd  the same for this month so far
     */
    public record AccountCosts(String account, String name, boolean read, int regions, BigDecimal estimatedMonthlyUsd,
                               boolean complete, BigDecimal actualLastMonthUsd, BigDecimal actualMonthToDateUsd) {

        /** Whether Cost Explorer's actuals cover the account. */
        public boolean actualsCovered() {
            return actualLastMonthUsd != null;
        }

        /** {@code 111111111111 (lab-a)}, or the id alone. */
        public String label() {
            return name == null || name.isBlank() ? account : account + " (" + name + ")";
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
     * @param account    the account, or {@code null} before the report names it
     */
    public record Advice(String region, String kind, String resource, BigDecimal monthlyUsd, String message,
                         String account) {

        /** Advice of the advisor, which judges one region and does not know its account. */
        public Advice(String region, String kind, String resource, BigDecimal monthlyUsd, String message) {
            this(region, kind, resource, monthlyUsd, message, null);
        }

        /** The same advice, in {@code newAccount}. */
        public Advice inAccount(String newAccount) {
            return new Advice(region, kind, resource, monthlyUsd, message, newAccount);
        }
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

    /** The accounts Cost Explorer's actuals cover, in report order. */
    public List<String> actualsCover() {
        return accounts.stream().filter(AccountCosts::actualsCovered).map(AccountCosts::account).toList();
    }

    /** The regions of {@code account}, in order. */
    public List<RegionCosts> regions(String account) {
        return regions.stream().filter(r -> r.account().equals(account)).toList();
    }

    /**
     * Prices the inventories of one account and joins the actuals: the report without accounts.
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
        List<AuditAccount> accounts = inventories.stream().map(RegionInventory::account).distinct()
                .map(AuditAccount::caller).toList();
        return build(tag, inventories, prices, actuals, budgetUsd, jobErrors, advisor, periods, accounts, false);
    }

    /**
     * Prices the inventories and joins the actuals, account by account.
     *
     * @param inventories one per region read, account by account, in order
     * @param actuals     Cost Explorer's answer, with the accounts it covers, or {@code null} when not read
     * @param jobErrors   the failed calls: accounts' (not read at all) and regions'
     * @param accounts    every account asked for, in report order
     * @param byAccount   whether accounts were asked for
     */
    public static CostsReport build(TagFilter tag, List<RegionInventory> inventories, PriceSource prices,
            CostExplorerReader.Result actuals, BigDecimal budgetUsd, List<AuditError> jobErrors, Advisor advisor,
            BillingPeriods periods, List<AuditAccount> accounts, boolean byAccount) {
        Objects.requireNonNull(advisor, "advisor must be non-null");
        EstimateReport estimate = new CostEstimator(prices, UsageAssumptions.NONE)
                .estimate(inventories.stream().map(RegionInventory::toStackInventory).toList());
        List<RegionCosts> regions = new ArrayList<>();
        List<Advice> advice = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < inventories.size(); i++) {
            RegionInventory inventory = inventories.get(i);
            StackEstimate stack = estimate.stacks().get(i);
            ActualCosts costs = actuals == null ? null : actuals.of(inventory.account(), periods);
            RegionCosts region = new RegionCosts(inventory.account(), inventory.region(),
                    inventory.natGateways().size(), inventory.interfaceEndpoints().size(),
                    inventory.endpointNetworkInterfaces(), inventory.publicIpv4(), inventory.idleElasticIps().size(),
                    stack, costs == null ? null : costs.region(inventory.region()));
            regions.add(region);
            advisor.advise(inventory, region).forEach(a -> advice.add(a.inAccount(inventory.account())));
            warnings.addAll(unknownPriceWarnings(region, byAccount));
        }
        for (AuditError error : jobErrors) {
            String where = error.accountWide() ? "account " + error.account()
                    : byAccount ? error.account() + " " + error.region() : error.region();
            String warning = error.accountWide()
                    ? where + ": not read (see errors), so nothing of it is counted"
                    : where + ": some calls failed (see errors), so its counts and estimate may be incomplete";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        if (actuals != null) {
            warnings.addAll(actuals.warnings());
        }
        List<AccountCosts> totals = new ArrayList<>();
        for (AuditAccount account : accounts) {
            String id = account.id();
            List<RegionCosts> own = regions.stream().filter(r -> r.account().equals(id)).toList();
            boolean read = jobErrors.stream().noneMatch(e -> e.accountWide() && e.account().equals(id));
            ActualCosts costs = actuals == null ? null : actuals.of(id, periods);
            BigDecimal[] actual = costs == null ? null : costs.totals();
            totals.add(new AccountCosts(id, account.name(), read, own.size(),
                    own.stream().map(RegionCosts::estimatedMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                    read && own.stream().allMatch(r -> r.estimate().unknown().isEmpty())
                            && jobErrors.stream().noneMatch(e -> e.account().equals(id)),
                    actual == null ? null : actual[0], actual == null ? null : actual[1]));
            if (costs != null) {
                warnings.addAll(actualsOutside(costs, own.stream().map(RegionCosts::region).toList(),
                        byAccount ? id + " " : ""));
            }
        }
        if (actuals != null && actuals.byAccount() != null && byAccount) {
            List<String> asked = accounts.stream().map(AuditAccount::id).toList();
            actuals.byAccount().entrySet().stream().filter(e -> !asked.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey()).forEach(e -> {
                        BigDecimal[] sums = e.getValue().totals();
                        warnings.add("Cost Explorer reports costs tagged " + tag + " in account " + e.getKey()
                                + ", which was not read: " + Money.table(sums[0]) + " last month, "
                                + Money.table(sums[1]) + " month to date");
                    });
        }
        List<AuditError> errors = new ArrayList<>(jobErrors);
        if (actuals != null) {
            errors.addAll(actuals.errors());
        }
        return new CostsReport(tag, estimate.prices(), periods, regions, budgetUsd, advice, warnings, errors, totals,
                byAccount, actuals == null || actuals.byAccount() == null ? null : actuals.readIn());
    }

    private static List<String> unknownPriceWarnings(RegionCosts region, boolean byAccount) {
        Map<Category, Integer> byCategory = new TreeMap<>();
        region.estimate().unknown().forEach(u -> byCategory.merge(u.category(), 1, Integer::sum));
        List<String> warnings = new ArrayList<>();
        String where = (byAccount ? region.account() + " " : "") + region.region();
        byCategory.forEach((category, n) -> warnings.add(where + ": no sourced price for " + category.id()
                + " (" + n + (n == 1 ? " item" : " items") + "): reported as unknown, so the estimated total is a "
                + "lower bound; give the price with --price-file"));
        return warnings;
    }

    /** Actual costs Cost Explorer puts in regions not audited, or under region prefixes not known. */
    private static List<String> actualsOutside(ActualCosts costs, List<String> audited, String account) {
        List<String> warnings = new ArrayList<>();
        for (String region : costs.regions()) {
            if (!audited.contains(region)) {
                RegionActual actual = costs.region(region);
                warnings.add(account + "Cost Explorer reports costs tagged with the tag in " + region
                        + ", which was not audited: " + Money.table(actual.lastMonthUsd()) + " last month, "
                        + Money.table(actual.monthToDateUsd()) + " month to date; add it to --regions");
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
            warnings.add(account + "Cost Explorer usage types with unknown region prefixes " + String.join(", ", prefixes)
                    + " are in no region: " + Money.table(lastMonth) + " last month, " + Money.table(monthToDate)
                    + " month to date");
        }
        return warnings;
    }
}
