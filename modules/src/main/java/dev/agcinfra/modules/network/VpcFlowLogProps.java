package dev.agcinfra.modules.network;

import java.util.Objects;

/**
 * Properties of a {@link VpcFlowLog}.
 *
 * @param vpcId         the VPC whose traffic is recorded (required)
 * @param region        the VPC's region: the role may be assumed only for flow logs of this region (required)
 * @param account       the VPC's account: the role may be assumed only for flow logs of this account (required)
 * @param retentionDays how long the log group keeps its events, one of the periods CloudWatch Logs accepts.
 *                      <p>@default {@link VpcFlowLog#DEFAULT_RETENTION_DAYS}
 */
public record VpcFlowLogProps(String vpcId, String region, String account, Integer retentionDays) {

    public VpcFlowLogProps {
        Objects.requireNonNull(vpcId, "vpcId must be non-null");
        Objects.requireNonNull(region, "region must be non-null");
        Objects.requireNonNull(account, "account must be non-null");
    }
}
