package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 */
@JsonPropertyOrder({"operation", "type", "id", "vpcId", "monthlyUsd", "command"})
public record CleanupAction(Operation operation, String type, String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String vpcId, String command, BigDecimal monthlyUsd) {

    public CleanupAction {
        Objects.requireNonNull(operation, "operation must be non-null");
        Objects.requireNonNull(type, "type must be non-null");
        Objects.requireNonNull(id, "id must be non-null");
        Objects.requireNonNull(command, "command must be non-null");
    }

    /** {@code delete-nat-gateway natgateway nat-0123}. */
    public String label() {
        return operation.id() + " " + id;
    }
}
