package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a confirmed cleanup did: it stops at the first failure.
 *
 * @param region  the region
 * @param deleted   the actions that completed, in order
 * @param requested deletions asked for but not seen to complete before the failure (NAT gateways and endpoints
 *                  being deleted): AWS goes on deleting them
 * @param failed  the action that failed, or {@code null}
 * @param error   why it failed (region, service, operation, code: message), or {@code null}
 * @param notDone the actions not attempted after the failure, in order
 */
@JsonPropertyOrder({"region", "complete", "deleted", "requested", "failed", "error", "notDone"})
public record CleanupResult(String region, List<CleanupAction> deleted, List<CleanupAction> requested,
        @JsonInclude(JsonInclude.Include.NON_NULL) CleanupAction failed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error, List<CleanupAction> notDone) {

    public CleanupResult {
        deleted = List.copyOf(deleted);
        requested = List.copyOf(requested);
        notDone = List.copyOf(notDone);
    }

    /** Whether every action completed. */
    public boolean complete() {
        return failed == null;
    }
}
