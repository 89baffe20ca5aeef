package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.cli.TextTable;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.costs.ActualCosts.RegionActual;
import dev.agcinfra.audit.costs.CostsReport.Advice;
import dev.agcinfra.audit.costs.CostsReport.RegionCosts;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.UnknownItem;
import dev.agcinfra.audit.estimate.EstimateReport.UsageBasedItem;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report for people: per region, the run rate by category and the actuals, then total, advice, warnings. With
 * several accounts, the regions are grouped under their account, each account with its estimated total and actuals
 * (or why it has none), and the total covers every account.
 */
public final class CostsTableWriter {

    private CostsTableWriter() {
    }

    public static void write(CostsReport report, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        BillingPeriods periods = report.periods();
        text.append("Costs of resources tagged ").append(report.tag()).append(" (").append(report.prices())
                .append(", ").append(CostsReport.HOURS_PER_MONTH).append(" hours a month)\n");
        if (report.byAccount()) {
            for (CostsReport.AccountCosts account : report.accounts()) {
                appendAccount(text, report, account);
            }
        } else {
            report.regions().forEach(region -> appendRegion(text, region, ""));
        }
        text.append("\nTotal estimated: ").append(Money.table(report.totalEstimatedMonthlyUsd())).append(" a month")
                .append(report.complete() ? "" : " or more (some prices unknown)");
        if (report.byAccount()) {
            long read = report.accounts().stream().filter(CostsReport.AccountCosts::read).count();
            text.append(" in ").append(read).append(read == 1 ? " account" : " accounts");
            long unread = report.accounts().size() - read;
            if (unread > 0) {
                text.append(", and ").append(unread).append(unread == 1 ? " account" : " accounts").append(" not read");
            }
        }
        if (report.budgetUsd() != null) {
            text.append(report.overBudget() ? ", over" : ", within").append(" the budget of ")
                    .append(Money.table(report.budgetUsd()));
        }
        text.append('\n');
        text.append("Actual periods: last month ").append(periods.lastMonthStart()).append(" to ")
                .append(periods.thisMonthStart()).append(", month to date ").append(periods.thisMonthStart())
                .append(" to ").append(periods.today()).append(" (end dates exclusive)\n");
        if (report.byAccount() && report.actualsReadIn() != null) {
            List<String> cover = report.actualsCover();
            text.append("Actuals: Cost Explorer read once in account ").append(report.actualsReadIn()).append(", ")
                    .append(cover.isEmpty() ? "covering none of the accounts"
                            : "covering " + (cover.size() == report.accounts().size() ? "every account"
                            : "accounts " + String.join(", ", cover)))
                    .append('\n');
        }
        if (!report.advice().isEmpty()) {
            text.append("\nAdvice:\n");
            for (Advice advice : report.advice()) {
                text.append("  ").append(report.byAccount() && advice.account() != null ? advice.account() + " " : "")
                        .append(advice.region()).append(": ").append(advice.message()).append('\n');
            }
        }
        if (!report.warnings().isEmpty()) {
            text.append("\nWarnings:\n");
            report.warnings().forEach(w -> text.append("  ").append(w).append('\n'));
        }
        if (!report.errors().isEmpty()) {
            text.append("\nErrors (").append(report.errors().size()).append("): the report is partial\n");
            for (AuditError error : report.errors()) {
                text.append("  ").append(error.toLine(report.byAccount())).append('\n');
            }
        }
        out.write(text.toString());
        out.flush();
    }

    /** An account's heading with its totals, then its regions indented. */
    private static void appendAccount(StringBuilder text, CostsReport report, CostsReport.AccountCosts account) {
        text.append("\nAccount ").append(account.label());
        if (!account.read()) {
            text.append(": not read (see the errors below)\n");
            return;
        }
        text.append(": estimated ").append(Money.table(account.estimatedMonthlyUsd())).append(" a month")
                .append(account.complete() ? "" : " or more (incomplete: see warnings and errors)");
        if (account.actualsCovered()) {
            text.append("; actual last month ").append(Money.table(account.actualLastMonthUsd()))
                    .append(", month to date ").append(Money.table(account.actualMonthToDateUsd()));
        } else if (report.actualsReadIn() != null) {
            text.append("; actuals not covered (see warnings)");
        }
        text.append('\n');
        report.regions(account.account()).forEach(region -> appendRegion(text, region, "  "));
    }

    private static void appendRegion(StringBuilder text, RegionCosts region, String indent) {
        text.append('\n').append(indent).append(region.region()).append(": estimated ")
                .append(Money.table(region.estimatedMonthlyUsd())).append(" a month")
                .append(region.estimate().unknown().isEmpty() ? "" : " or more (some prices unknown)").append('\n');
        text.append(indent).append("  ").append(count(region.natGateways(), "NAT gateway")).append(", ")
                .append(count(region.interfaceEndpoints(), "interface endpoint")).append(" (")
                .append(count(region.endpointNetworkInterfaces(), "network interface")).append("), ")
                .append(count(region.publicIpv4(), "public IPv4 address")).append(" (")
                .append(count(region.idleElasticIps(), "idle Elastic IP")).append(")\n");
        List<String[]> rows = new ArrayList<>();
        if (!region.estimate().items().isEmpty()) {
            rows.add(new String[] {"category", "resources", "quantity", "unit", "unit price", "monthly"});
            Map<Category, List<PricedItem>> byCategory = new LinkedHashMap<>();
            for (Category category : Category.values()) {
                byCategory.put(category, new ArrayList<>());
            }
            region.estimate().items().forEach(i -> byCategory.get(i.category()).add(i));
            byCategory.forEach((category, items) -> {
                if (items.isEmpty()) {
                    return;
                }
                Set<BigDecimal> unitPrices = new LinkedHashSet<>();
                items.forEach(i -> unitPrices.add(Quantities.plain(i.unitPriceUsd())));
                BigDecimal quantity = items.stream().map(PricedItem::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal monthly = items.stream().map(PricedItem::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
                rows.add(new String[] {category.id(), Integer.toString(items.size()),
                        String.format(java.util.Locale.ROOT, "%,d", quantity.longValue()), category.unit(),
                        unitPrices.size() == 1 ? "$" + unitPrices.iterator().next().toPlainString() : "various",
                        Money.table(monthly)});
            });
        }
        table(text, rows, indent + "    ");
        Set<String> usageBased = new LinkedHashSet<>();
        for (UsageBasedItem item : region.estimate().usageBased()) {
            usageBased.add(item.category().id() + ": " + item.unitPrice());
        }
        usageBased.forEach(line -> text.append(indent).append("    plus ").append(line).append('\n'));
        for (UnknownItem item : region.estimate().unknown()) {
            text.append(indent).append("    unknown: ").append(item.address()).append(' ')
                    .append(item.category() == null ? "" : item.category().id()).append(": ").append(item.reason())
                    .append('\n');
        }
        RegionActual actual = region.actual();
        if (actual == null) {
            text.append(indent).append("  actual: not read from Cost Explorer\n");
        } else {
            text.append(indent).append("  actual (Cost Explorer): last month ").append(Money.table(actual.lastMonthUsd()))
                    .append(", month to date ").append(Money.table(actual.monthToDateUsd())).append('\n');
            List<String[]> actualRows = new ArrayList<>();
            actual.byCategory().forEach((category, sums) -> {
                if (sums[0].signum() != 0 || sums[1].signum() != 0) {
                    actualRows.add(new String[] {category, Money.table(sums[0]), Money.table(sums[1])});
                }
            });
            if (!actualRows.isEmpty()) {
                actualRows.add(0, new String[] {"category", "last month", "month to date"});
            }
            table(text, actualRows, indent + "    ");
        }
    }

    /** Amounts and counts right-aligned, everything else left. */
    private static void table(StringBuilder text, List<String[]> rows, String indent) {
        TextTable table = new TextTable(indent, "  ")
                .alignRight((column, cell) -> column > 0 && (cell.startsWith("$") || cell.matches("[0-9,]+")));
        rows.forEach(table::row);
        table.appendTo(text);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : (noun.endsWith("ss") ? "es" : "s"));
    }
}
