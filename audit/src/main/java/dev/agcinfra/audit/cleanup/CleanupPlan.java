package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.report.Money;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exactly what a cleanup of one region deletes, in order, and what it keeps.
 *
 * @param account      the account the plan was made in
 * @param region       the region, deactivated
 * @param includeData  whether data (log groups, buckets) is included
 * @param includeState whether the region's state bucket is included
 * @param actions      the deletions, in the order they run
 * @param kept         the findings left alone, with the reason
 * @param interfaces   per VPC with deletions, the network interfaces that belong to agc-infra's NAT gateways and
 *                     endpoints deleted with it; any other interface found before a subnet, security group or the
 *                     VPC is deleted stops the run
 */
@JsonPropertyOrder({"account", "region", "includeData", "includeState", "monthlySavingUsd", "actions", "kept",
        "interfaces"})
public record CleanupPlan(String account, String region, boolean includeData, boolean includeState,
        List<CleanupAction> actions, List<Kept> kept, Map<String, List<String>> interfaces) {

    public CleanupPlan {
        actions = List.copyOf(actions);
        kept = List.copyOf(kept);
        Map<String, List<String>> copy = new HashMap<>();
        interfaces.forEach((vpc, enis) -> copy.put(vpc, List.copyOf(enis)));
        interfaces = Map.copyOf(copy);
    }

    /** What the deletions save per month, at list price (unknown prices count as zero). */
    @JsonProperty("monthlySavingUsd")
    public BigDecimal monthlySavingUsd() {
        return saving(actions);
    }

    /** What {@code actions} save per month, at list price (unknown prices count as zero). */
    public static BigDecimal saving(List<CleanupAction> actions) {
        return Money.toHundredthOfCent(actions.stream()
                .map(a -> a.monthlyUsd() == null ? BigDecimal.ZERO : a.monthlyUsd())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Whether there is nothing to delete. */
    @JsonIgnore
    public boolean empty() {
        return actions.isEmpty();
    }

    /** The same plan with only {@code newActions} (a subset, in order). */
    public CleanupPlan withActions(List<CleanupAction> newActions) {
        return new CleanupPlan(account, region, includeData, includeState, newActions, kept, interfaces);
    }
}
