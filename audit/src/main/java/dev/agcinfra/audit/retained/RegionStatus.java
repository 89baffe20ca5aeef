package dev.agcinfra.audit.retained;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Whether agc-infra (or AGC) is active in a region: the SSM parameter {@code /agc/_common/vpc} exists.
 *
 * @param region the region
 * @param active {@code true} when the parameter exists, {@code false} when it does not, {@code null} when it could
 *               not be read (the error is reported and the region is not audited)
 * @param vpc    the parameter's value (the VPC id) when active, else {@code null}
 * @param account the account whose region it is
 */
@JsonPropertyOrder({"region", "active", "vpc", "account"})
public record RegionStatus(String region, Boolean active, @JsonInclude(JsonInclude.Include.NON_NULL) String vpc,
        String account) {

    /** The parameter whose existence means "active". */
    public static final String ACTIVE_PARAMETER = dev.agcinfra.settings.AgcNames.ACTIVE_PARAMETER;

    /** Whether the region is known to be deactivated (or never activated): its findings are retained or orphaned. */
    public boolean deactivated() {
        return Boolean.FALSE.equals(active);
    }
}
