package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one cleanup action does, in the order actions run: what bills by the hour first (endpoints, then NAT
 * gateways, waited for, then their Elastic IPs), then the VPC with what it holds, then data.
 */
public enum Operation {
    /** DeleteVpcEndpoints, then wait until the endpoint is gone (its network interfaces go with it). */
    DELETE_VPC_ENDPOINT("delete-vpc-endpoint", true),
    /** DeleteNatGateway, then wait until it is {@code deleted} (its Elastic IP is then free to release). */
    DELETE_NAT_GATEWAY("delete-nat-gateway", true),
    /** ReleaseAddress. */
    RELEASE_ADDRESS("release-address", true),
    /** DeleteSecurityGroup (not the VPC's default group, which goes with the VPC). */
    DELETE_SECURITY_GROUP("delete-security-group", false),
    /** DisassociateRouteTable for each subnet association, then DeleteRouteTable (not the main route table). */
    DELETE_ROUTE_TABLE("delete-route-table", false),
    /** DeleteSubnet. */
    DELETE_SUBNET("delete-subnet", false),
    /** DetachInternetGateway, then DeleteInternetGateway. */
    DELETE_INTERNET_GATEWAY("delete-internet-gateway", false),
    /** DeleteVpc (its main route table, default security group and network ACL go with it). */
    DELETE_VPC("delete-vpc", true),
    /** DeleteLogGroup: only with --include-data. */
    DELETE_LOG_GROUP("delete-log-group", true),
    /** Every object version and delete marker, then DeleteBucket: only with --include-data. */
    DELETE_BUCKET("delete-bucket", true);

    private final String id;
    private final boolean finding;

    Operation(String id, boolean finding) {
        this.id = id;
        this.finding = finding;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the action removes a finding of {@code retained} (else a part of a VPC it removes). */
    public boolean finding() {
        return finding;
    }

    @Override
    public String toString() {
        return id;
    }
}
