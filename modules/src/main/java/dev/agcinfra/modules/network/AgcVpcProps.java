package dev.agcinfra.modules.network;

import dev.agcinfra.settings.NatGateways;
import java.util.List;

/**
 * Properties of an {@link AgcVpc}. Every field is optional; {@code null} means its documented default.
 *
 * @param cidr              the VPC's IPv4 block.
 *                          <p>@default {@link AgcVpc#DEFAULT_CIDR_RANGE}
 * @param availabilityZones how many AZs to spread each subnet group over: the region's first N available AZs,
 *                          never two subnets of one group in one AZ.
 *                          <p>@default {@link AgcVpc#DEFAULT_MAX_AZS}
 * @param subnetGroups      the subnet groups, crossed with the AZs.
 *                          <p>@default {@link AgcVpc#DEFAULT_SUBNETS}: a public and a private group
 * @param natGateways       the NAT gateways the private subnets share ({@link NatGateways}): a number from 1 to
 *                          {@code availabilityZones}, as AWS CDK's {@code natGateways} (they sit in the public subnets
 *                          of the first AZs, and the private subnets of an AZ without one route through the first);
 *                          or {@link NatGateways#REGIONAL}, one regional NAT gateway in no subnet that every private
 *                          subnet routes through. Only with a {@link SubnetType#PRIVATE_WITH_EGRESS} group.
 *                          <p>@default {@link NatGateways#ONE_PER_AZ}
 */
public record AgcVpcProps(String cidr, Integer availabilityZones, List<SubnetGroup> subnetGroups,
                          NatGateways natGateways) {

    /** All defaults: AWS CDK's default VPC layout. */
    public static AgcVpcProps defaults() {
        return new AgcVpcProps(null, null, null, null);
    }

    /** Public subnets only: no private subnets, no NAT gateways. */
    public static AgcVpcProps publicSubnetsOnly(Integer availabilityZones) {
        return new AgcVpcProps(null, availabilityZones, AgcVpc.DEFAULT_SUBNETS_NO_NAT, null);
    }
}
