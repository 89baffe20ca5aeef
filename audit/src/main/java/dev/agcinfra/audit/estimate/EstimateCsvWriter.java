package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.audit.estimate.ComparisonReport.ScenarioEstimate;
import dev.agcinfra.audit.estimate.ComparisonReport.StackComparison;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * The estimate as CSV (RFC 4180): one header row, then one row per line. Column {@code kind} says what a row is:
 * {@code item} (priced), {@code usage-based}, {@code unknown}, {@code free}, {@code stack-total} or {@code total}.
 */
final class EstimateCsvWriter {

    static final String HEADER =
            "stack,region,kind,address,category,quantity,unit,unitPriceUsd,monthlyUsd,tier,detail";
    static final String COMPARISON_HEADER = "stack,region,scenario,monthlyUsd,complete,note";

    private EstimateCsvWriter() {
    }

    static void write(EstimateReport report, PrintWriter out) {
        out.print(HEADER + "\r\n");
        for (StackEstimate stack : report.stacks()) {
            String s = stack.stack();
            String r = stack.region() == null ? "" : stack.region();
            stack.items().forEach(i -> row(out, s, r, "item", i.address(), i.category().id(),
                    Quantities.plain(i.quantity()).toPlainString(), i.unit(),
                    Quantities.plain(i.unitPriceUsd()).toPlainString(), money(i.monthlyUsd()),
                    i.tier() == null ? "" : i.tier(), i.source()));
            stack.usageBased().forEach(u -> row(out, s, r, "usage-based", u.address(), u.category().id(), "", u.unit(),
                    "", "", "", u.unitPrice()));
            stack.unknown().forEach(u -> row(out, s, r, "unknown", u.address(),
                    u.category() == null ? "" : u.category().id(), "", "", "", "", "", u.reason()));
            stack.free().forEach(f -> row(out, s, r, "free", f.address(), f.kind(), "", "", "0", "0", "", f.note()));
            row(out, s, r, "stack-total", "", "", "", "", "", money(stack.monthlyUsd()), "",
                    stack.unknown().isEmpty() ? "" : "unknown items not included");
        }
        row(out, "", "", "total", "", "", "", "", "", money(report.totalMonthlyUsd()), "",
                report.hasUnknown() ? "unknown items not included" : "");
    }

    static void write(ComparisonReport report, PrintWriter out) {
        out.print(COMPARISON_HEADER + "\r\n");
        for (StackComparison stack : report.stacks()) {
            for (ScenarioEstimate e : stack.scenarios()) {
                row(out, stack.stack(), stack.region() == null ? "" : stack.region(), e.scenario().id(),
                        e.estimate() == null ? "" : money(e.estimate().monthlyUsd()),
                        String.valueOf(!e.incomplete()), e.note() == null ? "" : e.note());
            }
        }
        for (Scenario scenario : Scenario.values()) {
            row(out, "total", "", scenario.id(), money(report.totalMonthlyUsd(scenario)),
                    String.valueOf(!report.incomplete(scenario)), "");
        }
    }

    private static String money(BigDecimal usd) {
        return Money.round(usd).toPlainString();
    }

    private static void row(PrintWriter out, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells[i]));
        }
        out.print(line.append("\r\n"));
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
