package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Exactly what a cleanup of one region deletes, in order, and what it keeps.
 *
 * @param region      the region, deactivated
 * @param includeData whether data (log groups, buckets) is included
 * @param actions     the deletions, in the order they run
 * @param kept        the findings left alone, with the reason
 */
@JsonPropertyOrder({"region", "includeData", "monthlySavingUsd", "actions", "kept"})
public record CleanupPlan(String region, boolean includeData, List<CleanupAction> actions, List<Kept> kept) {

    public CleanupPlan {
        actions = List.copyOf(actions);
        kept = List.copyOf(kept);
    }

    /** What the deletions save per month, at list price (unknown prices count as zero). */
    public BigDecimal monthlySavingUsd() {
        return actions.stream().map(a -> a.monthlyUsd() == null ? BigDecimal.ZERO : a.monthlyUsd())
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(4, RoundingMode.HALF_UP);
    }

    /** Whether there is nothing to delete. */
    public boolean empty() {
        return actions.isEmpty();
    }
}
