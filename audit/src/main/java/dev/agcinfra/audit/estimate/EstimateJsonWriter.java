package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Json;
import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.audit.estimate.EstimateReport.FreeItem;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.EstimateReport.UnknownItem;
import dev.agcinfra.audit.estimate.EstimateReport.UsageBasedItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The estimate as JSON: {@code {"currency": "USD", "hoursPerMonth": 730, "prices": ..., "stacks": [...],
 * "totalMonthlyUsd": 262.8, "complete": true}}. Money is rounded to cents here and nowhere before.
 */
public final class EstimateJsonWriter {


    private EstimateJsonWriter() {
    }

    public static void write(EstimateReport report, Writer out) {
        writeTree(toJson(report), out);
    }

    /** Writes one JSON document and a line break, leaving {@code out} open (it may be stdout). */
    private static void writeTree(ObjectNode tree, Writer out) {
        try {
            Json.PRETTY.writeValue(new NonClosingWriter(out), tree);
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toJson(EstimateReport report) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("currency", EstimateReport.CURRENCY);
        root.put("hoursPerMonth", report.hoursPerMonth());
        root.put("prices", report.prices());
        ArrayNode stacks = root.putArray("stacks");
        report.stacks().forEach(stack -> stacks.add(stack(stack)));
        root.put("totalMonthlyUsd", Money.json(report.totalMonthlyUsd()));
        root.put("complete", !report.hasUnknown());
        return root;
    }

    public static void write(ComparisonReport report, Writer out) {
        writeTree(toJson(report), out);
    }

    /**
     * {@code {"currency": "USD", "hoursPerMonth": 730, "prices": ..., "scenarios": ["private-subnets", ...],
     * "stacks": [{"stack": ..., "region": ..., "scenarios": [{"scenario": "private-subnets", "monthlyUsd": 262.8,
     * "complete": true, "estimate": {...}}]}], "totals": [{"scenario": ..., "monthlyUsd": ..., "complete": ...}]}}.
     */
    public static ObjectNode toJson(ComparisonReport report) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("currency", EstimateReport.CURRENCY);
        root.put("hoursPerMonth", report.hoursPerMonth());
        root.put("prices", report.prices());
        ArrayNode scenarios = root.putArray("scenarios");
        for (Scenario scenario : Scenario.values()) {
            scenarios.add(scenario.id());
        }
        ArrayNode stacks = root.putArray("stacks");
        for (ComparisonReport.StackComparison stack : report.stacks()) {
            ObjectNode node = stacks.addObject();
            node.put("stack", stack.stack());
            node.put("region", stack.region());
            ArrayNode byScenario = node.putArray("scenarios");
            for (ComparisonReport.ScenarioEstimate estimate : stack.scenarios()) {
                ObjectNode one = byScenario.addObject();
                one.put("scenario", estimate.scenario().id());
                if (estimate.estimate() == null) {
                    one.putNull("monthlyUsd");
                    one.put("complete", false);
                    one.put("note", estimate.note());
                } else {
                    one.put("monthlyUsd", Money.json(estimate.estimate().monthlyUsd()));
                    one.put("complete", !estimate.incomplete());
                    one.set("estimate", stack(estimate.estimate()));
                }
            }
        }
        ArrayNode totals = root.putArray("totals");
        for (Scenario scenario : Scenario.values()) {
            ObjectNode total = totals.addObject();
            total.put("scenario", scenario.id());
            total.put("monthlyUsd", Money.json(report.totalMonthlyUsd(scenario)));
            total.put("complete", !report.incomplete(scenario));
        }
        return root;
    }

    static ObjectNode stack(StackEstimate stack) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("stack", stack.stack());
        node.put("region", stack.region());
        node.put("monthlyUsd", Money.json(stack.monthlyUsd()));
        ArrayNode items = node.putArray("items");
        stack.items().forEach(item -> items.add(item(item)));
        ArrayNode usageBased = node.putArray("usageBased");
        stack.usageBased().forEach(item -> usageBased.add(usageBased(item)));
        ArrayNode unknown = node.putArray("unknown");
        stack.unknown().forEach(item -> unknown.add(unknown(item)));
        ArrayNode free = node.putArray("free");
        stack.free().forEach(item -> free.add(free(item)));
        return node;
    }

    private static ObjectNode item(PricedItem item) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("address", item.address());
        node.put("category", item.category().id());
        node.put("quantity", Quantities.plain(item.quantity()));
        node.put("unit", item.unit());
        node.put("unitPriceUsd", Quantities.plain(item.unitPriceUsd()));
        node.put("monthlyUsd", Money.json(item.monthlyUsd()));
        if (item.tier() != null) {
            node.put("tier", item.tier());
        }
        node.put("source", item.source());
        return node;
    }

    private static ObjectNode usageBased(UsageBasedItem item) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("address", item.address());
        node.put("category", item.category().id());
        node.put("unit", item.unit());
        node.put("unitPrice", item.unitPrice());
        node.put("source", item.source());
        return node;
    }

    private static ObjectNode unknown(UnknownItem item) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("address", item.address());
        node.put("category", item.category() == null ? null : item.category().id());
        node.put("reason", item.reason());
        return node;
    }

    private static ObjectNode free(FreeItem item) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("address", item.address());
        node.put("kind", item.kind());
        node.put("note", item.note());
        return node;
    }

    /** Jackson closes the writer it is given; the caller owns {@code out}. */
    static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
