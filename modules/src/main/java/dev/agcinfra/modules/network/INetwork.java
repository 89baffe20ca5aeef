package dev.agcinfra.modules.network;

import java.util.List;
import java.util.Optional;

/**
 * What the rest of the infrastructure needs from a VPC, whether agc-infra created it ({@link AgcVpc}) or the user
 * brought it ({@link AgcVpc#fromAttributes}). Values may be Terraform tokens resolved at apply time.
 */
public interface INetwork {

    /** The VPC id. */
    String vpcId();

    /** The VPC's primary IPv4 CIDR block. */
    String vpcCidrBlock();

    /** Public subnet ids, one per AZ; empty for a VPC the user brought. */
    List<String> publicSubnets();

    /** Private subnet ids, one per AZ; empty in public-subnets-only mode. */
    List<String> privateSubnets();

    /** Route tables of the private subnets, for gateway endpoints; empty when agc-infra does not manage them. */
    List<String> privateRouteTableIds();

    /** Public IPs of the NAT gateways; empty without NAT gateways. */
    List<String> natPublicIps();

    /** The AZs of a VPC agc-infra creates, in subnet order; empty (the default) for a VPC the user brought. */
    default List<String> availabilityZones() {
        return List.of();
    }

    /** Route tables of the public subnets; empty (the default) when agc-infra does not manage them. */
    default List<String> publicRouteTableIds() {
        return List.of();
    }

    /** The NAT gateways' ids, in AZ order; empty (the default) without NAT gateways. */
    default List<String> natGatewayIds() {
        return List.of();
    }

    /** The internet gateway's id; empty (the default) without one, or when agc-infra does not manage it. */
    default Optional<String> internetGatewayId() {
        return Optional.empty();
    }

    /** The subnets AGC's compute runs in: private subnets when there are any, else public ones. */
    default List<String> infraSubnets() {
        return privateSubnets().isEmpty() ? publicSubnets() : privateSubnets();
    }
}
