package dev.agcinfra.modules.network;

import static dev.agcinfra.modules.testing.ConstructTest.addresses;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasDataSource;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.modules.testing.ConstructTest;
import dev.agcinfra.settings.NatGateways;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpc;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AgcVpc} on its own: its defaults, each prop set otherwise, every refusal, and a VPC the user brought. */
class AgcVpcTest {

    private static Map<String, String> subnetCidrs(String synthesized) {
        Map<String, String> cidrs = new TreeMap<>();
        resources(synthesized, Subnet.TF_RESOURCE_TYPE).forEach((name, s) -> cidrs.put(name, s.path("cidr_block").asText()));
        return cidrs;
    }

    @Test
    void withDefaultPropsItIsAwsCdksDefaultVpcWithANatGatewayPerAz() {
        // Given
        TerraformStack stack = stack();

        // When
        AgcVpc vpc = new AgcVpc(stack, "Vpc", null);
        String synthesized = synth(stack);

        // Then
        assertHasResource(synthesized, Vpc.TF_RESOURCE_TYPE, Map.of("cidr_block", AgcVpc.DEFAULT_CIDR_RANGE,
                "enable_dns_support", true, "enable_dns_hostnames", true));
        assertThat(subnetCidrs(synthesized)).hasSize(2 * AgcVpc.DEFAULT_MAX_AZS)
                .containsEntry("vpc_public_subnet1", "10.0.0.0/19").containsEntry("vpc_private_subnet3", "10.0.160.0/19");
        assertThat(resources(synthesized, NatGateway.TF_RESOURCE_TYPE)).hasSize(AgcVpc.DEFAULT_MAX_AZS);
        assertThat(resources(synthesized, Eip.TF_RESOURCE_TYPE)).hasSize(AgcVpc.DEFAULT_MAX_AZS);
        assertHasDataSource(synthesized, "aws_availability_zones", Map.of("state", "available"));
        assertThat(Testing.toHaveResourceWithProperties(synthesized, Vpc.TF_RESOURCE_TYPE,
                Map.of("cidr_block", "10.9.0.0/16"))).as("the matcher tells a different value apart").isFalse();
        assertThat(List.of(vpc.publicSubnets(), vpc.privateSubnets(), vpc.privateRouteTableIds(), vpc.natPublicIps()))
                .allSatisfy(ids -> assertThat(ids).hasSize(AgcVpc.DEFAULT_MAX_AZS));
        assertThat(vpc.infraSubnets()).isEqualTo(vpc.privateSubnets());
    }

    /** The NAT gateway each private subnet's default route goes through, by private subnet. */
    private static Map<String, String> privateDefaultRoutes(String synthesized) {
        Map<String, String> routes = new TreeMap<>();
        resources(synthesized, "aws_route").forEach((name, route) -> {
            if (name.startsWith("vpc_private_subnet")) {
                routes.put(name.replace("_default_route", ""), route.path("nat_gateway_id").asText());
            }
        });
        return routes;
    }

    private static String natGateway(int az) {
        return "${aws_nat_gateway.vpc_public_subnet" + az + "_nat_gateway.id}";
    }

    @Test
    void byDefaultThePrivateSubnetsOfEachAzRouteThroughTheirOwnAzsNatGateway() {
        // Given
        TerraformStack stack = stack();

        // When
        new AgcVpc(stack, "Vpc", AgcVpcProps.defaults());
        String synthesized = synth(stack);

        // Then
        assertThat(privateDefaultRoutes(synthesized)).isEqualTo(Map.of("vpc_private_subnet1", natGateway(1),
                "vpc_private_subnet2", natGateway(2), "vpc_private_subnet3", natGateway(3)));
    }

    @Test
    void oneNatGatewayIsInTheFirstAzWithOneElasticIpAndEveryPrivateSubnetRoutesThroughIt() {
        // Given
        TerraformStack stack = stack();

        // When
        AgcVpc vpc = new AgcVpc(stack, "Vpc", new AgcVpcProps(null, 3, null, NatGateways.of(1)));
        String synthesized = synth(stack);

        // Then
        assertThat(resources(synthesized, NatGateway.TF_RESOURCE_TYPE)).containsOnlyKeys("vpc_public_subnet1_nat_gateway");
        assertThat(resources(synthesized, Eip.TF_RESOURCE_TYPE)).containsOnlyKeys("vpc_public_subnet1_eip");
        assertHasResource(synthesized, NatGateway.TF_RESOURCE_TYPE, Map.of(
                "subnet_id", "${aws_subnet.vpc_public_subnet1.id}",
                "allocation_id", "${aws_eip.vpc_public_subnet1_eip.allocation_id}"));
        assertThat(privateDefaultRoutes(synthesized)).isEqualTo(Map.of("vpc_private_subnet1", natGateway(1),
                "vpc_private_subnet2", natGateway(1), "vpc_private_subnet3", natGateway(1)));
        assertThat(vpc.natGatewayIds()).hasSize(1);
        assertThat(vpc.natPublicIps()).hasSize(1);
        assertThat(vpc.privateSubnets()).hasSize(3);
    }

    @Test
    void twoNatGatewaysAreInTheFirstTwoAzsAndTheThirdAzRoutesThroughTheFirst() {
        // Given
        TerraformStack stack = stack();

        // When
        new AgcVpc(stack, "Vpc", new AgcVpcProps(null, 3, null, NatGateways.of(2)));
        String synthesized = synth(stack);

        // Then
        assertThat(resources(synthesized, NatGateway.TF_RESOURCE_TYPE)).containsOnlyKeys(
                "vpc_public_subnet1_nat_gateway", "vpc_public_subnet2_nat_gateway");
        assertThat(resources(synthesized, Eip.TF_RESOURCE_TYPE)).containsOnlyKeys(
                "vpc_public_subnet1_eip", "vpc_public_subnet2_eip");
        assertThat(privateDefaultRoutes(synthesized)).isEqualTo(Map.of("vpc_private_subnet1", natGateway(1),
                "vpc_private_subnet2", natGateway(2), "vpc_private_subnet3", natGateway(1)));
    }

    @Test
    void aNatGatewayPerAzWrittenAsANumberIsTheDefaultLayout() {
        // Given
        TerraformStack defaults = stack();
        TerraformStack three = stack();

        // When
        new AgcVpc(defaults, "Vpc", AgcVpcProps.defaults());
        new AgcVpc(three, "Vpc", new AgcVpcProps(null, 3, null, NatGateways.of(3)));

        // Then
        assertThat(synth(three)).isEqualTo(synth(defaults));
    }

    @Test
    void itHandsOutTheAzsRouteTablesNatGatewaysAndInternetGatewayForOutputs() {
        // Given
        TerraformStack stack = stack();
        AgcVpc vpc = new AgcVpc(stack, "Vpc", AgcVpcProps.defaults());
        AgcVpc publicOnly = new AgcVpc(stack, "PublicVpc", AgcVpcProps.publicSubnetsOnly(2));

        // When
        String azs = ConstructTest.resolved(stack, vpc.availabilityZones().get(2));
        String publicTable = ConstructTest.resolved(stack, vpc.publicRouteTableIds().get(0));
        String nat = ConstructTest.resolved(stack, vpc.natGatewayIds().get(1));
        String igw = ConstructTest.resolved(stack, vpc.internetGatewayId().orElseThrow());

        // Then
        assertThat(azs).isEqualTo("${data.aws_availability_zones.vpc_availability_zones.names[2]}");
        assertThat(publicTable).isEqualTo("${aws_route_table.vpc_public_subnet1_route_table.id}");
        assertThat(nat).isEqualTo(natGateway(2));
        assertThat(igw).isEqualTo("${aws_internet_gateway.vpc_igw.id}");
        assertThat(List.of(vpc.availabilityZones(), vpc.publicRouteTableIds(), vpc.privateRouteTableIds(),
                vpc.natGatewayIds())).allSatisfy(ids -> assertThat(ids).hasSize(3));
        assertThat(publicOnly.availabilityZones()).hasSize(2);
        assertThat(publicOnly.publicRouteTableIds()).hasSize(2);
        assertThat(publicOnly.natGatewayIds()).isEmpty();
        assertThat(publicOnly.internetGatewayId()).isPresent();
    }

    @Test
    void aCidrAndTwoAzsGiveEqualSubnetsOfThatBlockAndOneNatGatewayPerAz() {
        // Given
        TerraformStack stack = stack();

        // When
        new AgcVpc(stack, "Vpc", new AgcVpcProps("172.16.0.0/20", 2, null, null));
        String synthesized = synth(stack);

        // Then four /22s, public ones first
        assertHasResource(synthesized, Vpc.TF_RESOURCE_TYPE, Map.of("cidr_block", "172.16.0.0/20"));
        assertThat(subnetCidrs(synthesized)).isEqualTo(Map.of(
                "vpc_public_subnet1", "172.16.0.0/22", "vpc_public_subnet2", "172.16.4.0/22",
                "vpc_private_subnet1", "172.16.8.0/22", "vpc_private_subnet2", "172.16.12.0/22"));
        assertThat(resources(synthesized, NatGateway.TF_RESOURCE_TYPE)).hasSize(2);
        assertHasResource(synthesized, Subnet.TF_RESOURCE_TYPE, Map.of("cidr_block", "172.16.8.0/22",
                "map_public_ip_on_launch", false, "tags", Map.of("aws-cdk:subnet-type", "Private")));
    }

    @Test
    void publicSubnetsOnlyHaveNoNatGatewaysNoElasticIpsAndTheComputeRunsInThePublicSubnets() {
        // Given
        TerraformStack stack = stack();

        // When
        AgcVpc vpc = new AgcVpc(stack, "Vpc", AgcVpcProps.publicSubnetsOnly(3));
        String synthesized = synth(stack);

        // Then
        assertThat(subnetCidrs(synthesized)).containsOnlyKeys("vpc_public_subnet1", "vpc_public_subnet2",
                "vpc_public_subnet3").containsEntry("vpc_public_subnet3", "10.0.128.0/18");
        assertHasResource(synthesized, Subnet.TF_RESOURCE_TYPE, Map.of("map_public_ip_on_launch", true));
        assertThat(resources(synthesized, NatGateway.TF_RESOURCE_TYPE)).isEmpty();
        assertThat(resources(synthesized, Eip.TF_RESOURCE_TYPE)).isEmpty();
        assertThat(vpc.privateSubnets()).isEmpty();
        assertThat(vpc.natPublicIps()).isEmpty();
        assertThat(vpc.infraSubnets()).isEqualTo(vpc.publicSubnets()).hasSize(3);
    }

    @Test
    void theSubnetGroupsNamesNameTheSubnetsAndTheirCdkTags() {
        // Given
        TerraformStack stack = stack();
        List<SubnetGroup> groups = List.of(new SubnetGroup("Compute", SubnetType.PRIVATE_WITH_EGRESS),
                new SubnetGroup("Ingress", SubnetType.PUBLIC));

        // When
        new AgcVpc(stack, "Vpc", new AgcVpcProps(null, 1, groups, null));
        String synthesized = synth(stack);

        // Then public groups come first whatever the order given, and each subnet carries its group's name
        assertThat(subnetCidrs(synthesized)).isEqualTo(Map.of(
                "vpc_ingress_subnet1", "10.0.0.0/17", "vpc_compute_subnet1", "10.0.128.0/17"));
        JsonNode compute = resources(synthesized, Subnet.TF_RESOURCE_TYPE).get("vpc_compute_subnet1");
        assertThat(compute.path("tags").path("aws-cdk:subnet-name").asText()).isEqualTo("Compute");
        assertThat(compute.path("tags").path("Name").asText()).isEqualTo("test/Vpc/ComputeSubnet1");
    }

    @Test
    void regionalIsOneNatGatewayInTheVpcInNoSubnetWithNoElasticIpAndEveryPrivateSubnetRoutesThroughIt() {
        // Given
        TerraformStack stack = stack();

        // When
        AgcVpc vpc = new AgcVpc(stack, "Vpc", new AgcVpcProps(null, 3, null, NatGateways.REGIONAL));
        String synthesized = synth(stack);

        // Then one NAT gateway, regional, in the VPC, created after the internet gateway its route table routes to
        Map<String, JsonNode> nats = resources(synthesized, NatGateway.TF_RESOURCE_TYPE);
        assertThat(nats).containsOnlyKeys("vpc_regional_nat_gateway");
        JsonNode regional = nats.get("vpc_regional_nat_gateway");
        assertThat(regional.path("availability_mode").asText()).isEqualTo("regional");
        assertThat(regional.path("vpc_id").asText()).isEqualTo("${aws_vpc.vpc.id}");
        assertThat(regional.path("depends_on")).hasToString("[\"aws_internet_gateway.vpc_igw\"]");
        assertThat(regional.path("tags").path("Name").asText()).isEqualTo("test/Vpc");
        // in automatic mode: no subnet, no allocation, no per-AZ addresses, public (the default connectivity)
        assertThat(regional.has("subnet_id")).as(regional.toString()).isFalse();
        assertThat(regional.has("allocation_id")).isFalse();
        assertThat(regional.has("availability_zone_address")).isFalse();
        assertThat(regional.has("connectivity_type")).isFalse();
        // and no Elastic IP
        assertThat(resources(synthesized, Eip.TF_RESOURCE_TYPE)).isEmpty();
        // every private subnet's default route goes through it; the public subnets' through the internet gateway
        String id = "${aws_nat_gateway.vpc_regional_nat_gateway.id}";
        assertThat(privateDefaultRoutes(synthesized)).isEqualTo(Map.of("vpc_private_subnet1", id,
                "vpc_private_subnet2", id, "vpc_private_subnet3", id));
        resources(synthesized, "aws_route").forEach((name, route) -> {
            if (name.startsWith("vpc_public_subnet")) {
                assertThat(route.path("gateway_id").asText()).isEqualTo("${aws_internet_gateway.vpc_igw.id}");
            }
        });
        // the subnets are those of the zonal layout, CIDR for CIDR
        TerraformStack zonal = stack();
        new AgcVpc(zonal, "Vpc", AgcVpcProps.defaults());
        assertThat(subnetCidrs(synthesized)).isEqualTo(subnetCidrs(synth(zonal)));
        assertThat(vpc.natGatewayIds()).hasSize(1);
        assertThat(vpc.privateRouteTableIds()).hasSize(3);
        assertThat(ConstructTest.resolved(stack, vpc.natGatewayIds().get(0))).isEqualTo(id);
    }

    static Stream<Arguments> refusals() {
        SubnetGroup pub = new SubnetGroup("Public", SubnetType.PUBLIC);
        SubnetGroup priv = new SubnetGroup("Private", SubnetType.PRIVATE_WITH_EGRESS);
        return Stream.of(
                arguments(named("no availability zone", new AgcVpcProps(null, 0, null, null)),
                        "AgcVpcProps.availabilityZones must be at least 1, got 0"),
                arguments(named("no subnet group", new AgcVpcProps(null, null, List.of(), null)),
                        "AgcVpcProps.subnetGroups must name at least one group"),
                arguments(named("two groups of one name", new AgcVpcProps(null, null,
                                List.of(pub, new SubnetGroup("Public", SubnetType.PRIVATE_WITH_EGRESS)), null)),
                        "AgcVpcProps.subnetGroups names must be unique"),
                arguments(named("private subnets without a public group", new AgcVpcProps(null, null, List.of(priv), null)),
                        "AgcVpcProps.subnetGroups: PRIVATE_WITH_EGRESS subnets need a PUBLIC group for their NAT "
                                + "gateways; add one"),
                arguments(named("two public groups", new AgcVpcProps(null, null,
                                List.of(pub, new SubnetGroup("Edge", SubnetType.PUBLIC)), null)),
                        "AgcVpcProps.subnetGroups: use one PUBLIC group (it hosts the NAT gateways)"),
                arguments(named("a block too small for its subnets", new AgcVpcProps("10.0.0.0/26", 3, null, null)),
                        "6 subnets do not fit in 10.0.0.0/26 (each would be smaller than /28)"),
                arguments(named("a block that is not one", new AgcVpcProps("10.0.0.0", null, null, null)),
                        "not an IPv4 CIDR block: '10.0.0.0' (expected e.g. 10.0.0.0/16)"),
                arguments(named("more NAT gateways than AZs", new AgcVpcProps(null, 2, null, NatGateways.of(3))),
                        "AgcVpcProps.natGateways must be from 1 to availabilityZones (2), or regional; got 3"),
                arguments(named("a regional NAT gateway without private subnets",
                                new AgcVpcProps(null, 3, AgcVpc.DEFAULT_SUBNETS_NO_NAT, NatGateways.REGIONAL)),
                        "AgcVpcProps.natGateways needs a PRIVATE_WITH_EGRESS subnet group"),
                arguments(named("NAT gateways without private subnets",
                                new AgcVpcProps(null, 3, AgcVpc.DEFAULT_SUBNETS_NO_NAT, NatGateways.of(1))),
                        "AgcVpcProps.natGateways needs a PRIVATE_WITH_EGRESS subnet group"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusals(AgcVpcProps props, String message) {
        TerraformStack stack = stack();

        assertThatThrownBy(() -> new AgcVpc(stack, "Vpc", props)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aVpcTheUserBroughtIsReadWithADataSourceAndNothingIsCreatedInIt() {
        // Given
        TerraformStack stack = stack();

        // When
        INetwork network = AgcVpc.fromAttributes(stack, "Vpc", "vpc-0123456789abcdef0",
                List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210"));
        String synthesized = synth(stack);

        // Then
        assertHasDataSource(synthesized, DataAwsVpc.TF_RESOURCE_TYPE, Map.of("id", "vpc-0123456789abcdef0"));
        assertThat(addresses(synthesized)).containsExactly("data.aws_vpc.vpc");
        assertThat(network.privateSubnets()).containsExactly("subnet-0123456789abcdef0", "subnet-0fedcba9876543210");
        assertThat(network.infraSubnets()).isEqualTo(network.privateSubnets());
        assertThat(List.of(network.publicSubnets(), network.privateRouteTableIds(), network.natPublicIps(),
                network.availabilityZones(), network.publicRouteTableIds(), network.natGatewayIds()))
                .allSatisfy(ids -> assertThat(ids).isEmpty());
        assertThat(network.internetGatewayId()).isEmpty();
    }
}
