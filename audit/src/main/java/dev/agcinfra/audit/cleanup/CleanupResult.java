package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a confirmed cleanup did: it stops at the first failure.
 *
 * @param region    the region
 * @param deleted   the actions that completed, in order
 * @param requested deletions asked for but not seen to complete before the failure (NAT gateways and endpoints
 *                  being deleted): AWS goes on deleting them
 * @param failed    the action that failed, or {@code null}
 * @param error     why it failed (region, service, operation, code: message), or {@code null}
 * @param notDone   the actions not attempted after the failure, in order
 * @param skipped   entries not run because the account changed since the plan was made (gone, no longer
 *                  agc-infra's, something new depends on them, a state bucket another project wrote to), each with
 *                  the reason
 */
@JsonPropertyOrder({"region", "complete", "monthlySavingUsd", "deleted", "requested", "failed", "error", "notDone",
        "skipped"})
public record CleanupResult(String region, List<CleanupAction> deleted, List<CleanupAction> requested,
        @JsonInclude(JsonInclude.Include.NON_NULL) CleanupAction failed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error, List<CleanupAction> notDone,
        List<Skipped> skipped) {

    /**
     * An entry of a saved plan not run.
     *
     * @param action the planned deletion
     * @param reason why it was skipped
     */
    public record Skipped(CleanupAction action, String reason) {
    }

    public CleanupResult {
        deleted = List.copyOf(deleted);
        requested = List.copyOf(requested);
        notDone = List.copyOf(notDone);
        skipped = List.copyOf(skipped);
    }

    /** Whether every action completed. */
    @JsonProperty("complete")
    public boolean complete() {
        return failed == null;
    }

    /** What the completed deletions save per month, at list price. */
    @JsonProperty("monthlySavingUsd")
    public BigDecimal monthlySavingUsd() {
        return CleanupPlan.saving(deleted);
    }

    /** This result with the entries of a saved plan that were skipped before it ran, ahead of its own. */
    public CleanupResult withSkipped(List<Skipped> before) {
        List<Skipped> all = new java.util.ArrayList<>(before);
        all.addAll(skipped);
        return new CleanupResult(region, deleted, requested, failed, error, notDone, all);
    }
}
