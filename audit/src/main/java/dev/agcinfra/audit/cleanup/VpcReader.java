package dev.agcinfra.audit.cleanup;

import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.retained.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Reads what a VPC holds, each part with its provenance: NAT gateways and their Elastic IPs, endpoints, security
 * groups, route tables, subnets, internet gateways; and every network interface in it, matched to the agc-infra NAT
 * gateway or endpoint it belongs to (by the ids those report, so that it works whatever the interface's description).
 */
final class VpcReader {

    /** NAT gateway states in which it still exists and can be deleted. */
    private static final Set<String> NAT_PRESENT = Set.of("pending", "available", "failed");

    private VpcReader() {
    }

    static VpcContents read(Ec2Client ec2, String vpcId, Ownership ownership) {
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        List<VpcContents.Part> parts = new ArrayList<>();
        Map<String, String> interfaceOwners = new HashMap<>();
        for (NatGateway nat : AwsCall.call("ec2", "DescribeNatGateways",
                () -> ec2.describeNatGatewaysPaginator(r -> r.filter(inVpc)).natGateways().stream().toList())) {
            VpcContents.Part part = new VpcContents.Part(Operation.DELETE_NAT_GATEWAY, Finding.NAT_GATEWAY,
                    nat.natGatewayId(), ownership.of(nat.natGatewayId()));
            boolean present = NAT_PRESENT.contains(nat.stateAsString());
            if (present) {
                parts.add(part);
            }
            for (NatGatewayAddress address : nat.natGatewayAddresses()) {
                if (part.agcCreated() && address.networkInterfaceId() != null) {
                    interfaceOwners.put(address.networkInterfaceId(), nat.natGatewayId());
                }
                if (present && address.allocationId() != null) {
                    parts.add(new VpcContents.Part(Operation.RELEASE_ADDRESS, Finding.ELASTIC_IP,
                            address.allocationId(), ownership.of(address.allocationId())));
                }
            }
        }
        for (VpcEndpoint endpoint : AwsCall.call("ec2", "DescribeVpcEndpoints",
                () -> ec2.describeVpcEndpoints(r -> r.filters(inVpc)).vpcEndpoints())) {
            String state = endpoint.stateAsString() == null ? "" : endpoint.stateAsString().toLowerCase(Locale.ROOT);
            VpcContents.Part part = new VpcContents.Part(Operation.DELETE_VPC_ENDPOINT, Finding.VPC_ENDPOINT,
                    endpoint.vpcEndpointId(), ownership.of(endpoint.vpcEndpointId()));
            if (part.agcCreated()) {
                endpoint.networkInterfaceIds().forEach(eni -> interfaceOwners.put(eni, endpoint.vpcEndpointId()));
            }
            if (!state.equals("deleted") && !state.equals("deleting")) {
                parts.add(part);
            }
        }
        AwsCall.call("ec2", "DescribeSecurityGroups", () -> ec2.describeSecurityGroups(r -> r.filters(inVpc)))
                .securityGroups().stream()
                .filter(group -> !"default".equals(group.groupName()))
                .forEach(group -> parts.add(new VpcContents.Part(Operation.DELETE_SECURITY_GROUP, "security-group",
                        group.groupId(), ownership.of(group.groupId()))));
        for (RouteTable table : AwsCall.call("ec2", "DescribeRouteTables",
                () -> ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables())) {
            boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
            if (!main) {
                parts.add(new VpcContents.Part(Operation.DELETE_ROUTE_TABLE, "route-table", table.routeTableId(),
                        ownership.of(table.routeTableId())));
            }
        }
        AwsCall.call("ec2", "DescribeSubnets", () -> ec2.describeSubnets(r -> r.filters(inVpc))).subnets()
                .forEach(subnet -> parts.add(new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", subnet.subnetId(),
                        ownership.of(subnet.subnetId()))));
        AwsCall.call("ec2", "DescribeInternetGateways", () -> ec2.describeInternetGateways(
                        r -> r.filters(Filter.builder().name("attachment.vpc-id").values(vpcId).build())))
                .internetGateways()
                .forEach(igw -> parts.add(new VpcContents.Part(Operation.DELETE_INTERNET_GATEWAY, "internet-gateway",
                        igw.internetGatewayId(), ownership.of(igw.internetGatewayId()))));
        List<VpcContents.NetworkInterface> interfaces = AwsCall.call("ec2", "DescribeNetworkInterfaces",
                () -> ec2.describeNetworkInterfacesPaginator(r -> r.filters(inVpc)).networkInterfaces().stream()
                        .map(eni -> new VpcContents.NetworkInterface(eni.networkInterfaceId(), eni.description(),
                                eni.interfaceTypeAsString(), interfaceOwners.get(eni.networkInterfaceId())))
                        .toList());
        return new VpcContents(vpcId, parts, interfaces);
    }

    /** The network interfaces in the VPC now that are not among {@code known}, described. */
    static List<String> newInterfaces(Ec2Client ec2, String vpcId, java.util.Collection<String> known) {
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        return AwsCall.call("ec2", "DescribeNetworkInterfaces",
                () -> ec2.describeNetworkInterfacesPaginator(r -> r.filters(inVpc)).networkInterfaces().stream()
                        .filter(eni -> !known.contains(eni.networkInterfaceId()))
                        .map(eni -> new VpcContents.NetworkInterface(eni.networkInterfaceId(), eni.description(),
                                eni.interfaceTypeAsString(), null).describe())
                        .toList());
    }
}
