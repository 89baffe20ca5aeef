package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.costs.UsageTypes.UsageType;
import dev.agcinfra.audit.estimate.Category;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * One account's actual costs from Cost Explorer, grouped by region (from the usage type's prefix) and usage type, for
 * last month and month to date. Built page by page from GetCostAndUsage results; pure, no AWS calls.
 */
public final class ActualCosts {

    /** The cost metric asked for: what was billed, before credits and discounts are spread. */
    public static final String COST_METRIC = "UnblendedCost";
    /** The usage metric asked for: hours, GB, ... in the usage type's unit. */
    public static final String USAGE_METRIC = "UsageQuantity";

    private final BillingPeriods periods;
    private final Map<String, RegionActual> byRegion = new TreeMap<>();
    private final Map<String, UsageTypeActual> unattributed = new TreeMap<>();

    public ActualCosts(BillingPeriods periods) {
        this.periods = periods;
    }

    /** The periods these costs cover. */
    public BillingPeriods periods() {
        return periods;
    }

    /** Adds one result period of one page (groups keyed SERVICE then USAGE_TYPE). */
    public void add(ResultByTime result) {
        boolean lastMonth = periods.isLastMonth(LocalDate.parse(result.timePeriod().start()));
        for (Group group : result.groups()) {
            if (group.keys().size() >= 2) {
                add(group.keys().get(0), group.keys().get(1), lastMonth, group);
            }
        }
    }

    /**
     * Splits one result period of one page grouped by LINKED_ACCOUNT then USAGE_TYPE (what the management account
     * reads for its organization) into each account's costs, added to {@code byAccount}; the service of such lines
     * is not known (Cost Explorer groups by two dimensions at most).
     */
    public static void addByAccount(Map<String, ActualCosts> byAccount, BillingPeriods periods, ResultByTime result) {
        boolean lastMonth = periods.isLastMonth(LocalDate.parse(result.timePeriod().start()));
        for (Group group : result.groups()) {
            if (group.keys().size() >= 2) {
                byAccount.computeIfAbsent(group.keys().get(0), account -> new ActualCosts(periods))
                        .add(null, group.keys().get(1), lastMonth, group);
            }
        }
    }

    private void add(String service, String usageTypeKey, boolean lastMonth, Group group) {
        UsageType usageType = UsageTypes.parse(usageTypeKey);
        MetricValue cost = group.metrics().get(COST_METRIC);
        MetricValue usage = group.metrics().get(USAGE_METRIC);
        BigDecimal usd = cost == null || cost.amount() == null ? BigDecimal.ZERO : new BigDecimal(cost.amount());
        BigDecimal quantity = usage == null || usage.amount() == null ? null : new BigDecimal(usage.amount());
        String unit = usage == null ? null : usage.unit();
        UsageTypeActual line = usageType.region() == null
                ? unattributed.computeIfAbsent(usageType.usageType(), k -> new UsageTypeActual(usageType))
                : byRegion.computeIfAbsent(usageType.region(), RegionActual::new).usageType(usageType);
        line.add(service, lastMonth, usd, quantity, unit);
    }

    /** Every month's total of every region and of the unattributed usage types: last month, then month to date. */
    public BigDecimal[] totals() {
        BigDecimal lastMonth = BigDecimal.ZERO;
        BigDecimal monthToDate = BigDecimal.ZERO;
        for (RegionActual region : byRegion.values()) {
            lastMonth = lastMonth.add(region.lastMonthUsd());
            monthToDate = monthToDate.add(region.monthToDateUsd());
        }
        for (UsageTypeActual line : unattributed.values()) {
            lastMonth = lastMonth.add(line.lastMonthUsd());
            monthToDate = monthToDate.add(line.monthToDateUsd());
        }
        return new BigDecimal[] {lastMonth, monthToDate};
    }

    /** The actual costs of a region; zero when Cost Explorer reported nothing for it. */
    public RegionActual region(String region) {
        return byRegion.getOrDefault(region, new RegionActual(region));
    }

    /** Every region Cost Explorer reported costs for, sorted. */
    public Set<String> regions() {
        return Collections.unmodifiableSet(byRegion.keySet());
    }

    /** Usage types whose prefix is not a known billing region code, so not attributed to a region. */
    public Map<String, UsageTypeActual> unattributed() {
        return Collections.unmodifiableMap(unattributed);
    }

    /** The actual costs of one region. */
    public static final class RegionActual {
        private final String region;
        private final Map<String, UsageTypeActual> byUsageType = new TreeMap<>();

        RegionActual(String region) {
            this.region = region;
        }

        public String region() {
            return region;
        }

        UsageTypeActual usageType(UsageType usageType) {
            return byUsageType.computeIfAbsent(usageType.usageType(), k -> new UsageTypeActual(usageType));
        }

        /** Every usage type, sorted. */
        public Map<String, UsageTypeActual> byUsageType() {
            return Collections.unmodifiableMap(byUsageType);
        }

        public BigDecimal lastMonthUsd() {
            return byUsageType.values().stream().map(UsageTypeActual::lastMonthUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal monthToDateUsd() {
            return byUsageType.values().stream().map(UsageTypeActual::monthToDateUsd)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Per category of {@link UsageTypes#CATEGORIES}, then everything else under {@code other}. */
        public Map<String, BigDecimal[]> byCategory() {
            Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
            for (Category category : UsageTypes.CATEGORIES) {
                sums.put(category.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            }
            sums.put(OTHER, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            for (UsageTypeActual line : byUsageType.values()) {
                BigDecimal[] sum = sums.get(line.category() == null ? OTHER : line.category().id());
                sum[0] = sum[0].add(line.lastMonthUsd());
                sum[1] = sum[1].add(line.monthToDateUsd());
            }
            return sums;
        }

        /** The usage quantity of a category last month (hours or GB), summed over its usage types. */
        public BigDecimal lastMonthQuantity(Category category) {
            return byUsageType.values().stream().filter(l -> l.category() == category)
                    .map(UsageTypeActual::lastMonthQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The category id of everything that is not one of the five categories (S3, CloudWatch, compute, ...). */
    public static final String OTHER = "other";

    /** The actual cost of one usage type in one region, in both periods, over every service that reported it. */
    public static final class UsageTypeActual {
        private final UsageType usageType;
        private final Set<String> services = new TreeSet<>();
        private BigDecimal lastMonthUsd = BigDecimal.ZERO;
        private BigDecimal monthToDateUsd = BigDecimal.ZERO;
        private BigDecimal lastMonthQuantity = BigDecimal.ZERO;
        private BigDecimal monthToDateQuantity = BigDecimal.ZERO;
        private String unit;

        UsageTypeActual(UsageType usageType) {
            this.usageType = usageType;
        }

        void add(String service, boolean lastMonth, BigDecimal usd, BigDecimal quantity, String newUnit) {
            if (service != null) {
                services.add(service);
            }
            BigDecimal q = quantity == null ? BigDecimal.ZERO : quantity;
            if (lastMonth) {
                lastMonthUsd = lastMonthUsd.add(usd);
                lastMonthQuantity = lastMonthQuantity.add(q);
            } else {
                monthToDateUsd = monthToDateUsd.add(usd);
                monthToDateQuantity = monthToDateQuantity.add(q);
            }
            if (unit == null && newUnit != null && !newUnit.isBlank() && !"N/A".equals(newUnit)) {
                unit = newUnit;
            }
        }

        public String usageType() {
            return usageType.usageType();
        }

        /** The category, or {@code null} for anything else. */
        public Category category() {
            return usageType.category();
        }

        public String prefix() {
            return usageType.prefix();
        }

        /** Every service that reported it; none when Cost Explorer grouped the costs by account instead. */
        public Set<String> services() {
            return Collections.unmodifiableSet(services);
        }

        public BigDecimal lastMonthUsd() {
            return lastMonthUsd;
        }

        public BigDecimal monthToDateUsd() {
            return monthToDateUsd;
        }

        public BigDecimal lastMonthQuantity() {
            return lastMonthQuantity;
        }

        public BigDecimal monthToDateQuantity() {
            return monthToDateQuantity;
        }

        /** The usage quantity's unit ({@code Hrs}, {@code GB}), or {@code null}. */
        public String unit() {
            return unit;
        }
    }
}
