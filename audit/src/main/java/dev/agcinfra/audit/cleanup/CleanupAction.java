package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agcinfra.audit.provenance.Provenance;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One deletion of a cleanup plan.
 *
 * @param operation  what is done
 * @param type       the resource type, as {@code retained} names it ({@code natgateway}, {@code subnet}, ...)
 * @param id         the resource id or name
 * @param vpcId      the VPC it belongs to, or {@code null}
 * @param command    the AWS CLI command(s) that do the same
 * @param monthlyUsd what it costs per month, saved by deleting it ({@code null}: unknown; zero for VPC parts)
 * @param provenance why it is agc's: the state file, version and address that list it, or AGC's name rule
 */
@JsonPropertyOrder({"operation", "type", "id", "vpcId", "monthlyUsd", "provenance", "command"})
public record CleanupAction(Operation operation, String type, String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String vpcId, String command, BigDecimal monthlyUsd,
        Provenance provenance) {

    public CleanupAction {
        Objects.requireNonNull(operation, "operation must be non-null");
        Objects.requireNonNull(type, "type must be non-null");
        Objects.requireNonNull(id, "id must be non-null");
        Objects.requireNonNull(command, "command must be non-null");
        Objects.requireNonNull(provenance, "provenance must be non-null");
    }

    /** {@code delete-nat-gateway nat-0123}. */
    public String label() {
        return operation.id() + " " + id;
    }

    /** Whether {@code other} deletes the same resource the same way (what a saved plan is matched by). */
    public boolean sameDeletion(CleanupAction other) {
        return operation == other.operation && id.equals(other.id);
    }
}
