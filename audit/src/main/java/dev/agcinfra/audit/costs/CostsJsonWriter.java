package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Json;
import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.costs.ActualCosts.RegionActual;
import dev.agcinfra.audit.costs.ActualCosts.UsageTypeActual;
import dev.agcinfra.audit.costs.CostsReport.Advice;
import dev.agcinfra.audit.costs.CostsReport.RegionCosts;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.UnknownItem;
import dev.agcinfra.audit.estimate.EstimateReport.UsageBasedItem;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report as JSON:
 * <pre>{@code
 * {"currency": "USD", "hoursPerMonth": 730, "tag": "application-name=agc", "prices": "...",
 *  "periods": {"lastMonth": {"start": "2026-10-01", "end": "2026-11-01"}, "monthToDate": {...}},
 *  "regions": [{"region": "us-east-1", "natGateways": 3, "interfaceEndpoints": 7, "endpointNetworkInterfaces": 21,
 *               "publicIpv4": 4, "idleElasticIps": 1, "estimatedMonthlyUsd": 266.45, "items": [...],
 *               "usageBased": [...], "unknown": [...],
 *               "actual": {"lastMonthUsd": 0, "monthToDateUsd": 0, "byCategory": {...}, "byUsageType": {}}}],
 *  "totalEstimatedMonthlyUsd": 266.45, "complete": true, "budgetUsd": null, "overBudget": false,
 *  "advice": [...], "warnings": [], "errors": [],
 *  "accounts": [{"account": "123456789012", "name": null, "read": true, "regions": 1, "estimatedMonthlyUsd": 266.45,
 *                "complete": true, "actualLastMonthUsd": 0, "actualMonthToDateUsd": 0, "actualsCovered": true}],
 *  "actualsReadIn": "123456789012", "actualsCover": ["123456789012"]}
 * }</pre>
 * Every region, piece of advice and error names its {@code account} (last, so that the fields of reports of one
 * account keep their order); {@code accounts} totals each account. Money is rounded to cents here, and nowhere
 * before; {@code actual} is {@code null} when Cost Explorer was not read or does not cover the account. Dates are
 * ISO; every {@code end} is exclusive.
 */
public final class CostsJsonWriter {


    private CostsJsonWriter() {
    }

    public static void write(CostsReport report, Writer out) throws IOException {
        Json.PRETTY.writeValue(out, toJson(report));
        out.write('\n');
        out.flush();
    }

    public static ObjectNode toJson(CostsReport report) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("currency", CostsReport.CURRENCY);
        root.put("hoursPerMonth", CostsReport.HOURS_PER_MONTH);
        root.put("tag", report.tag().toString());
        root.put("prices", report.prices());
        ObjectNode periods = root.putObject("periods");
        BillingPeriods p = report.periods();
        periods.putObject("lastMonth").put("start", p.lastMonthStart().toString()).put("end", p.thisMonthStart().toString());
        periods.putObject("monthToDate").put("start", p.thisMonthStart().toString()).put("end", p.today().toString());
        ArrayNode regions = root.putArray("regions");
        report.regions().forEach(region -> regions.add(region(region)));
        root.put("totalEstimatedMonthlyUsd", Money.json(report.totalEstimatedMonthlyUsd()));
        root.put("complete", report.complete());
        root.put("budgetUsd", Quantities.plain(report.budgetUsd()));
        root.put("overBudget", report.overBudget());
        ArrayNode advice = root.putArray("advice");
        for (Advice a : report.advice()) {
            ObjectNode node = advice.addObject();
            node.put("region", a.region());
            node.put("kind", a.kind());
            node.put("resource", a.resource());
            node.put("monthlyUsd", Money.json(a.monthlyUsd()));
            node.put("message", a.message());
            node.put("account", a.account());
        }
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        ArrayNode errors = root.putArray("errors");
        for (AuditError e : report.errors()) {
            errors.addObject().put("region", e.region()).put("service", e.service()).put("operation", e.operation())
                    .put("code", e.code()).put("message", e.message()).put("account", e.account());
        }
        ArrayNode accounts = root.putArray("accounts");
        for (CostsReport.AccountCosts account : report.accounts()) {
            accounts.addObject()
                    .put("account", account.account())
                    .put("name", account.name())
                    .put("read", account.read())
                    .put("regions", account.regions())
                    .put("estimatedMonthlyUsd", Money.json(account.estimatedMonthlyUsd()))
                    .put("complete", account.complete())
                    .put("actualLastMonthUsd", Money.json(account.actualLastMonthUsd()))
                    .put("actualMonthToDateUsd", Money.json(account.actualMonthToDateUsd()))
                    .put("actualsCovered", account.actualsCovered());
        }
        root.put("actualsReadIn", report.actualsReadIn());
        ArrayNode cover = root.putArray("actualsCover");
        report.actualsCover().forEach(cover::add);
        return root;
    }

    private static ObjectNode region(RegionCosts region) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("region", region.region());
        node.put("natGateways", region.natGateways());
        node.put("interfaceEndpoints", region.interfaceEndpoints());
        node.put("endpointNetworkInterfaces", region.endpointNetworkInterfaces());
        node.put("publicIpv4", region.publicIpv4());
        node.put("idleElasticIps", region.idleElasticIps());
        node.put("estimatedMonthlyUsd", Money.json(region.estimatedMonthlyUsd()));
        ArrayNode items = node.putArray("items");
        for (PricedItem item : region.estimate().items()) {
            items.addObject()
                    .put("resource", item.address())
                    .put("category", item.category().id())
                    .put("quantity", Quantities.plain(item.quantity()))
                    .put("unit", item.unit())
                    .put("unitPriceUsd", Quantities.plain(item.unitPriceUsd()))
                    .put("monthlyUsd", Money.json(item.monthlyUsd()))
                    .put("source", item.source());
        }
        ArrayNode usageBased = node.putArray("usageBased");
        Map<Category, UsageBasedItem> firstByCategory = new LinkedHashMap<>();
        Map<Category, Integer> countByCategory = new LinkedHashMap<>();
        for (UsageBasedItem item : region.estimate().usageBased()) {
            firstByCategory.putIfAbsent(item.category(), item);
            countByCategory.merge(item.category(), 1, Integer::sum);
        }
        firstByCategory.forEach((category, item) -> usageBased.addObject()
                .put("category", category.id())
                .put("resources", countByCategory.get(category))
                .put("unit", item.unit())
                .put("unitPrice", item.unitPrice())
                .put("source", item.source()));
        ArrayNode unknown = node.putArray("unknown");
        for (UnknownItem item : region.estimate().unknown()) {
            unknown.addObject().put("resource", item.address())
                    .put("category", item.category() == null ? null : item.category().id())
                    .put("reason", item.reason());
        }
        if (region.actual() == null) {
            node.putNull("actual");
        } else {
            node.set("actual", actual(region.actual()));
        }
        node.put("account", region.account());
        return node;
    }

    private static ObjectNode actual(RegionActual actual) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("lastMonthUsd", Money.json(actual.lastMonthUsd()));
        node.put("monthToDateUsd", Money.json(actual.monthToDateUsd()));
        ObjectNode byCategory = node.putObject("byCategory");
        actual.byCategory().forEach((category, sums) -> byCategory.putObject(category)
                .put("lastMonthUsd", Money.json(sums[0])).put("monthToDateUsd", Money.json(sums[1])));
        ObjectNode byUsageType = node.putObject("byUsageType");
        for (UsageTypeActual line : actual.byUsageType().values()) {
            ObjectNode u = byUsageType.putObject(line.usageType());
            ArrayNode services = u.putArray("services");
            line.services().forEach(services::add);
            u.put("category", line.category() == null ? ActualCosts.OTHER : line.category().id());
            u.put("lastMonthUsd", Money.json(line.lastMonthUsd()));
            u.put("monthToDateUsd", Money.json(line.monthToDateUsd()));
            u.put("lastMonthQuantity", quantity(line.lastMonthQuantity()));
            u.put("monthToDateQuantity", quantity(line.monthToDateQuantity()));
            u.put("unit", line.unit());
        }
        return node;
    }

    private static BigDecimal quantity(BigDecimal value) {
        return Quantities.plain(value.setScale(6, java.math.RoundingMode.HALF_UP));
    }
}
