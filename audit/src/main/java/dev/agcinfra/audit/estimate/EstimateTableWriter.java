package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.cli.TextTable;
import dev.agcinfra.audit.estimate.ComparisonReport.ScenarioEstimate;
import dev.agcinfra.audit.estimate.ComparisonReport.StackComparison;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The estimate as aligned text for a terminal. */
final class EstimateTableWriter {

    private EstimateTableWriter() {
    }

    static void write(EstimateReport report, PrintWriter out) {
        int unknown = 0;
        for (StackEstimate stack : report.stacks()) {
            out.println(stack.stack() + " (" + (stack.region() == null ? "region unknown" : stack.region()) + ")");
            if (stack.items().isEmpty() && stack.usageBased().isEmpty() && stack.unknown().isEmpty()
                    && stack.free().isEmpty()) {
                out.println("  nothing that bills by the hour");
            }
            if (!stack.items().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ADDRESS", "CATEGORY", "QUANTITY", "UNIT PRICE", "MONTHLY"});
                for (PricedItem item : stack.items()) {
                    rows.add(new String[] {item.address(),
                        item.category().id() + (item.tier() == null ? "" : " (" + item.tier() + ")"),
                        Quantities.number(item.quantity()) + " " + item.unit(),
                        "$" + Quantities.plain(item.unitPriceUsd()).toPlainString(),
                        Money.table(item.monthlyUsd())});
                }
                table(out, rows, "  ", 2, 3, 4);
            }
            if (!stack.usageBased().isEmpty()) {
                out.println("  Billed by traffic, no volume assumed (--nat-gb, --endpoint-gb, --usage-file):");
                List<String[]> rows = new ArrayList<>();
                stack.usageBased().forEach(u -> rows.add(new String[] {u.address(), u.category().id(), u.unitPrice()}));
                table(out, rows, "    ");
            }
            if (!stack.unknown().isEmpty()) {
                out.println("  Unknown, not in the total:");
                List<String[]> rows = new ArrayList<>();
                stack.unknown().forEach(u -> rows.add(new String[] {u.address(),
                    u.category() == null ? "-" : u.category().id(), u.reason()}));
                table(out, rows, "    ");
                unknown += stack.unknown().size();
            }
            if (!stack.free().isEmpty()) {
                out.println("  Free:");
                List<String[]> rows = new ArrayList<>();
                stack.free().forEach(f -> rows.add(new String[] {f.address(), f.note()}));
                table(out, rows, "    ");
            }
            out.println("  Stack total: " + Money.table(stack.monthlyUsd()) + " per month"
                    + (stack.unknown().isEmpty() ? "" : " (+ unknown)"));
            out.println();
        }
        out.println("Total: " + Money.table(report.totalMonthlyUsd()) + " per month for " + report.stacks().size()
                + (report.stacks().size() == 1 ? " stack" : " stacks") + " (USD, " + report.hoursPerMonth()
                + " hours per month" + (unknown == 0 ? ")" : "; " + unknown + " unknown " + (unknown == 1 ? "item" : "items")
                + " not included)"));
        out.println("Prices: " + report.prices());
    }

    static void write(ComparisonReport report, PrintWriter out) {
        if (report.stacks().isEmpty()) {
            out.println("No stack creates its own VPC: nothing to compare.");
            out.println("Prices: " + report.prices());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("STACK", "REGION"));
        for (Scenario scenario : Scenario.values()) {
            header.add(scenario.title().toUpperCase(java.util.Locale.ROOT));
        }
        rows.add(header.toArray(String[]::new));
        List<String> notes = new ArrayList<>();
        for (StackComparison stack : report.stacks()) {
            List<String> row = new ArrayList<>(List.of(stack.stack(), stack.region() == null ? "?" : stack.region()));
            for (ScenarioEstimate estimate : stack.scenarios()) {
                row.add(cell(estimate));
                if (estimate.note() != null) {
                    notes.add(stack.stack() + ", " + estimate.scenario().title()
                            + ": " + estimate.note());
                }
            }
            rows.add(row.toArray(String[]::new));
        }
        List<String> total = new ArrayList<>(List.of("Total", ""));
        for (Scenario scenario : Scenario.values()) {
            total.add(Money.table(report.totalMonthlyUsd(scenario)) + (report.incomplete(scenario) ? " +?" : ""));
        }
        rows.add(total.toArray(String[]::new));
        table(out, rows, "", 2, 3, 4);
        out.println();
        out.println("Monthly USD, " + report.hoursPerMonth() + " hours per month; \"+?\" means some items are unknown or"
                + " a layout cannot be derived (see the notes), and are not included.");
        notes.forEach(n -> out.println("Note: " + n));
        out.println("Prices: " + report.prices());
    }

    private static String cell(ScenarioEstimate estimate) {
        if (estimate.estimate() == null) {
            return "n/a";
        }
        BigDecimal usd = estimate.estimate().monthlyUsd();
        return Money.table(usd) + (estimate.estimate().unknown().isEmpty() ? "" : " +?");
    }

    /** Left-aligned columns, except the right-aligned ones given. */
    private static void table(PrintWriter out, List<String[]> rows, String indent, int... rightAligned) {
        java.util.Set<Integer> right = java.util.Arrays.stream(rightAligned).boxed().collect(java.util.stream.Collectors.toSet());
        TextTable table = new TextTable(indent, "  ").alignRight((column, cell) -> right.contains(column));
        rows.forEach(table::row);
        out.print(table.render());
    }
}
