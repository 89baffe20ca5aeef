package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.audit.costs.ActualCosts.UsageTypeActual;
import dev.agcinfra.audit.costs.CostsReport.RegionCosts;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.UnknownItem;
import dev.agcinfra.audit.estimate.EstimateReport.UsageBasedItem;
import dev.agcinfra.audit.report.CsvReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The report as CSV: one header row, then one row per priced item ({@code estimate}), usage-priced item
 * ({@code usage-based}), unpriceable item ({@code unknown}), Cost Explorer usage type ({@code actual}), piece of
 * advice ({@code advice}), with several accounts one {@code account-total} row per account (its estimate in
 * {@code monthlyUsd}, its actuals when covered), and a {@code total} row. Every row but the total names its
 * {@code account}, the last column. Warnings and errors go to stderr, as in every job's CSV.
 */
public final class CostsCsvWriter {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("region", "kind", "category", "resource", "quantity", "unit",
            "unitPriceUsd", "monthlyUsd", "lastMonthUsd", "monthToDateUsd", "note", "account");

    private CostsCsvWriter() {
    }

    public static void write(CostsReport report, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        row(text, HEADER.toArray(String[]::new));
        for (RegionCosts region : report.regions()) {
            String r = region.region();
            String a = region.account();
            for (PricedItem item : region.estimate().items()) {
                row(text, r, "estimate", item.category().id(), item.address(), plain(item.quantity()), item.unit(),
                        plain(item.unitPriceUsd()), cents(item.monthlyUsd()), null, null, item.source(), a);
            }
            for (UsageBasedItem item : region.estimate().usageBased()) {
                row(text, r, "usage-based", item.category().id(), item.address(), null, item.unit(), null, null, null,
                        null, item.unitPrice(), a);
            }
            for (UnknownItem item : region.estimate().unknown()) {
                row(text, r, "unknown", item.category() == null ? null : item.category().id(), item.address(), null,
                        null, null, null, null, null, item.reason(), a);
            }
            if (region.actual() != null) {
                for (UsageTypeActual line : region.actual().byUsageType().values()) {
                    row(text, r, "actual", line.category() == null ? ActualCosts.OTHER : line.category().id(),
                            line.usageType(), plain(line.lastMonthQuantity()), line.unit(), null, null,
                            cents(line.lastMonthUsd()), cents(line.monthToDateUsd()), String.join(";", line.services()),
                            a);
                }
            }
        }
        for (CostsReport.Advice advice : report.advice()) {
            row(text, advice.region(), "advice", advice.kind(), advice.resource(), null, null, null,
                    cents(advice.monthlyUsd()), null, null, advice.message(), advice.account());
        }
        if (report.byAccount()) {
            for (CostsReport.AccountCosts account : report.accounts()) {
                row(text, null, "account-total", null, null, null, null, null,
                        account.read() ? cents(account.estimatedMonthlyUsd()) : null,
                        cents(account.actualLastMonthUsd()), cents(account.actualMonthToDateUsd()),
                        !account.read() ? "not read" : account.actualsCovered() ? null : "actuals not covered",
                        account.account());
            }
        }
        row(text, null, "total", null, null, null, null, null, cents(report.totalEstimatedMonthlyUsd()), null, null,
                report.budgetUsd() == null ? null : (report.overBudget() ? "over" : "within") + " budget "
                        + plain(report.budgetUsd()), null);
        out.write(text.toString());
        out.flush();
    }

    private static void row(StringBuilder text, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            text.append(i == 0 ? "" : ",").append(CsvReportWriter.escape(cells[i]));
        }
        text.append('\n');
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : Quantities.plain(value).toPlainString();
    }

    private static String cents(BigDecimal value) {
        return value == null ? null : Money.json(value).toPlainString();
    }
}
