package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What one cleanup action does, in the order actions run (dependencies first): NAT gateways, waited for until deleted,
 * then their Elastic IPs, then endpoints, waited for too; then what a VPC holds (route tables, subnets, internet
 * gateway, security groups) and the VPC; then data, and last the state bucket.
 */
public enum Operation {
    /** DeleteNatGateway, then the SDK's waiter until it is {@code deleted} (its Elastic IP is then free to release). */
    DELETE_NAT_GATEWAY("delete-nat-gateway", true),
    /** ReleaseAddress. */
    RELEASE_ADDRESS("release-address", true),
    /** DeleteVpcEndpoints, then wait until the endpoint is gone (its network interfaces go with it). */
    DELETE_VPC_ENDPOINT("delete-vpc-endpoint", true),
    /** DisassociateRouteTable for each subnet association, then DeleteRouteTable (not the main route table). */
    DELETE_ROUTE_TABLE("delete-route-table", false),
    /** DeleteSubnet, after checking that no network interface of another service is in the VPC. */
    DELETE_SUBNET("delete-subnet", false),
    /** DetachInternetGateway, then DeleteInternetGateway. */
    DELETE_INTERNET_GATEWAY("delete-internet-gateway", false),
    /** DeleteSecurityGroup (not the VPC's default group, which goes with the VPC), after the same check. */
    DELETE_SECURITY_GROUP("delete-security-group", false),
    /** DeleteVpc (its main route table, default security group and network ACL go with it), after the same check. */
    DELETE_VPC("delete-vpc", true),
    /** DeleteLogGroup: only with --include-data. */
    DELETE_LOG_GROUP("delete-log-group", true),
    /** Every object version and delete marker, then DeleteBucket: only with --include-data. */
    DELETE_BUCKET("delete-bucket", true),
    /** The state bucket, checked again to hold only agc-infra's empty state: only with --include-state. */
    DELETE_STATE_BUCKET("delete-state-bucket", true);

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

    /** The operation of an id, as plan files hold it. */
    @JsonCreator
    public static Operation of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operation " + id));
    }

    /** Whether the action removes a finding of {@code retained} (else a part of a VPC it removes). */
    public boolean finding() {
        return finding;
    }

    /** Whether the action must not run while a network interface of another service is in the VPC. */
    public boolean needsNoForeignInterfaces() {
        return this == DELETE_SUBNET || this == DELETE_SECURITY_GROUP || this == DELETE_VPC;
    }

    @Override
    public String toString() {
        return id;
    }
}
