package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.aws.AwsCall;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Reads what a VPC holds: endpoints, security groups, route tables, subnets, internet gateways. */
final class VpcReader {

    private VpcReader() {
    }

    static VpcContents read(Ec2Client ec2, String vpcId, TagFilter tag) {
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        List<VpcContents.Part> parts = new ArrayList<>();
        for (VpcEndpoint endpoint : AwsCall.call("ec2", "DescribeVpcEndpoints",
                () -> ec2.describeVpcEndpoints(r -> r.filters(inVpc)).vpcEndpoints())) {
            String state = endpoint.stateAsString() == null ? "" : endpoint.stateAsString().toLowerCase(java.util.Locale.ROOT);
            if (!state.equals("deleted") && !state.equals("deleting")) {
                parts.add(new VpcContents.Part(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", endpoint.vpcEndpointId(),
                        tagged(endpoint.tags(), tag)));
            }
        }
        AwsCall.call("ec2", "DescribeSecurityGroups", () -> ec2.describeSecurityGroups(r -> r.filters(inVpc)))
                .securityGroups().stream()
                .filter(group -> !"default".equals(group.groupName()))
                .forEach(group -> parts.add(new VpcContents.Part(Operation.DELETE_SECURITY_GROUP, "security-group",
                        group.groupId(), tagged(group.tags(), tag))));
        for (RouteTable table : AwsCall.call("ec2", "DescribeRouteTables",
                () -> ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables())) {
            boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
            if (!main) {
                parts.add(new VpcContents.Part(Operation.DELETE_ROUTE_TABLE, "route-table", table.routeTableId(),
                        tagged(table.tags(), tag)));
            }
        }
        AwsCall.call("ec2", "DescribeSubnets", () -> ec2.describeSubnets(r -> r.filters(inVpc))).subnets()
                .forEach(subnet -> parts.add(new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", subnet.subnetId(),
                        tagged(subnet.tags(), tag))));
        AwsCall.call("ec2", "DescribeInternetGateways", () -> ec2.describeInternetGateways(
                        r -> r.filters(Filter.builder().name("attachment.vpc-id").values(vpcId).build())))
                .internetGateways()
                .forEach(igw -> parts.add(new VpcContents.Part(Operation.DELETE_INTERNET_GATEWAY, "internet-gateway",
                        igw.internetGatewayId(), tagged(igw.tags(), tag))));
        return new VpcContents(vpcId, parts);
    }

    private static boolean tagged(List<Tag> tags, TagFilter tag) {
        return tags.stream().anyMatch(t -> t.key().equals(tag.key()) && t.value().equals(tag.value()));
    }
}
