package dev.agcinfra.app.stacks;

import static dev.agcinfra.app.stacks.Tf.count;
import static dev.agcinfra.app.stacks.Tf.data;
import static dev.agcinfra.app.stacks.Tf.resources;
import static dev.agcinfra.app.stacks.Tf.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.modules.endpoints.VpcEndpoints;
import dev.agcinfra.settings.NatGateways;
import dev.agcinfra.settings.RegionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtherModesTest {

    static final String VPC = "vpc-0123456789abcdef0";
    static final List<String> SUBNETS = List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210", "subnet-0aaaaaaaaaaaaaaaa");
    static final List<String> NETWORK_TYPES = List.of("aws_vpc", "aws_subnet", "aws_nat_gateway", "aws_eip",
            "aws_internet_gateway", "aws_route_table", "aws_route", "aws_route_table_association",
            "aws_default_security_group", "aws_security_group", "aws_vpc_endpoint", "aws_vpc_security_group_ingress_rule");

    static RegionSettings publicSubnets(String region) {
        RegionSettings d = Synth.defaults(region);
        return new RegionSettings(region, Optional.empty(), List.of(), d.bucket(), true, Optional.empty(), true, false, Map.of());
    }

    static RegionSettings ownVpc(String region, List<String> subnets) {
        return new RegionSettings(region, Optional.of(VPC), subnets, "my-existing-bucket", false,
                Optional.of("ami-0123456789abcdef0"), false, false, Map.of("cost-center", "42"));
    }

    @Nested
    @DisplayName("public subnets only")
    class PublicSubnetsOnly {

        final JsonNode core = Synth.stacks(Synth.settings(publicSubnets("eu-west-1"))).get("agc-core-eu-west-1");

        @Test
        void createsThreePublicSubnetsOfASixteenthEachWithPublicIpsOnLaunch() {
            Map<String, String> cidrs = new TreeMap<>();
            resources(core, "aws_subnet").forEach((n, s) -> {
                cidrs.put(n, s.path("cidr_block").asText());
                assertThat(s.path("map_public_ip_on_launch").asBoolean()).isTrue();
                assertThat(s.path("tags").path("aws-cdk:subnet-type").asText()).isEqualTo("Public");
            });
            assertThat(cidrs).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "vpc_public_subnet1", "10.0.0.0/18", "vpc_public_subnet2", "10.0.64.0/18", "vpc_public_subnet3", "10.0.128.0/18")));
            assertThat(count(core, "aws_internet_gateway")).isEqualTo(1);
        }

        @Test
        void createsNoPrivateSubnetsNatGatewaysElasticIpsOrEndpoints() {
            assertThat(count(core, "aws_nat_gateway")).isZero();
            assertThat(count(core, "aws_eip")).isZero();
            assertThat(count(core, "aws_vpc_endpoint")).isZero();
            assertThat(count(core, "aws_security_group")).isZero();
            assertThat(resources(core, "aws_subnet").keySet()).noneMatch(n -> n.contains("private"));
        }

        @Test
        void runsComputeInThePublicSubnets() {
            JsonNode infra = resources(core, "aws_ssm_parameter").get("parameters_infra_subnets");
            assertThat(infra.path("insecure_value").asText()).isEqualTo(
                    "${join(\",\", [aws_subnet.vpc_public_subnet1.id, aws_subnet.vpc_public_subnet2.id, aws_subnet.vpc_public_subnet3.id])}");
            assertThat(core.path("output").path("private_subnets").path("value").size()).isZero();
        }

        @Test
        void outputsTheNetworkAsTerraformModulesDoWithoutWhatThisModeLacks() {
            JsonNode output = core.path("output");
            assertThat(output.path("vpc_cidr_block").path("value").asText()).isEqualTo("${aws_vpc.vpc.cidr_block}");
            assertThat(output.path("azs").path("value").size()).isEqualTo(3);
            assertThat(texts(output.path("public_route_table_ids").path("value"))).containsExactly(
                    "${aws_route_table.vpc_public_subnet1_route_table.id}",
                    "${aws_route_table.vpc_public_subnet2_route_table.id}",
                    "${aws_route_table.vpc_public_subnet3_route_table.id}");
            assertThat(output.path("igw_id").path("value").asText()).isEqualTo("${aws_internet_gateway.vpc_igw.id}");
            assertThat(Tf.fields(output).keySet()).doesNotContain("private_route_table_ids", "natgw_ids");
        }
    }

    @Nested
    @DisplayName("the user's own VPC")
    class OwnVpc {

        @Test
        void withSubnetsCreatesNoNetworkResourceAndReadsTheVpcWithADataSource() {
            JsonNode core = Synth.stacks(Synth.settings(ownVpc("eu-west-1", SUBNETS))).get("agc-core-eu-west-1");
            NETWORK_TYPES.forEach(t -> assertThat(count(core, t)).as(t).isZero());
            assertThat(data(core, "aws_vpc").get("vpc").path("id").asText()).isEqualTo(VPC);
            assertThat(resources(core, "aws_ssm_parameter").get("parameters_vpc").path("insecure_value").asText())
                    .isEqualTo("${data.aws_vpc.vpc.id}");
            JsonNode infra = resources(core, "aws_ssm_parameter").get("parameters_infra_subnets");
            assertThat(infra.path("insecure_value").asText()).contains(SUBNETS);
            assertThat(resources(core, "aws_ssm_parameter").get("parameters_num_infra_subnets").path("insecure_value").asText())
                    .isEqualTo("3");
        }

        @Test
        void withoutSubnetsAsksTheLookupForTheVpcsPrivateSubnets() {
            List<String> asked = new ArrayList<>();
            SubnetResolver resolver = (region, account) -> {
                asked.add(region.region() + " " + region.vpc().orElseThrow() + " " + account);
                return List.of("subnet-00000000000000001", "subnet-00000000000000002", "subnet-00000000000000003",
                        "subnet-00000000000000004");
            };
            JsonNode core = Synth.stacks(Synth.settings(ownVpc("eu-west-1", List.of())), resolver).get("agc-core-eu-west-1");
            assertThat(asked).containsExactly("eu-west-1 " + VPC + " 123456789012");
            NETWORK_TYPES.forEach(t -> assertThat(count(core, t)).as(t).isZero());
            assertThat(texts(core.path("output").path("infra_subnets").path("value"))).containsExactly(
                    "subnet-00000000000000001", "subnet-00000000000000002", "subnet-00000000000000003",
                    "subnet-00000000000000004");
            assertThat(resources(core, "aws_ssm_parameter").get("parameters_num_infra_subnets").path("insecure_value").asText())
                    .isEqualTo("4");
        }

        @Test
        void outputsTheVpcsCidrBlockAndNothingOfANetworkAgcInfraDoesNotManage() {
            JsonNode output = Synth.stacks(Synth.settings(ownVpc("eu-west-1", SUBNETS))).get("agc-core-eu-west-1")
                    .path("output");
            assertThat(output.path("vpc_cidr_block").path("value").asText()).isEqualTo("${data.aws_vpc.vpc.cidr_block}");
            assertThat(Tf.fields(output).keySet()).doesNotContain("azs", "public_route_table_ids",
                    "private_route_table_ids", "natgw_ids", "igw_id");
        }

        @Test
        void storesTheGivenAmiAndCustomTags() {
            JsonNode core = Synth.stacks(Synth.settings(ownVpc("eu-west-1", SUBNETS))).get("agc-core-eu-west-1");
            Map<String, JsonNode> params = resources(core, "aws_ssm_parameter");
            assertThat(params.get("parameters_compute_env_image").path("insecure_value").asText()).isEqualTo("ami-0123456789abcdef0");
            assertThat(data(core, "aws_ssm_parameter")).isEmpty();
            assertThat(params.get("parameters_custom_tags").path("name").asText()).isEqualTo("/agc/_common/customTags");
            assertThat(params.get("parameters_custom_tags").path("insecure_value").asText()).isEqualTo("{\"cost-center\":\"42\"}");
            JsonNode tags = core.path("provider").path("aws").get(0).path("default_tags").get(0).path("tags");
            assertThat(tags.path("cost-center").asText()).isEqualTo("42");
        }
    }

    @Nested
    @DisplayName("an existing bucket")
    class ExistingBucket {

        final Map<String, JsonNode> stacks = Synth.stacks(Synth.settings(ownVpc("eu-west-1", SUBNETS)));

        @Test
        void isOnlyReadNeverManagedAnywhere() {
            assertThat(stacks).containsOnlyKeys("agc-core-eu-west-1");
            stacks.values().forEach(s -> assertThat(Tf.addresses(s)).noneMatch(a -> a.startsWith("aws_s3_bucket")));
            JsonNode core = stacks.get("agc-core-eu-west-1");
            assertThat(data(core, "aws_s3_bucket").get("results_bucket").path("bucket").asText()).isEqualTo("my-existing-bucket");
            assertThat(resources(core, "aws_ssm_parameter").get("parameters_bucket").path("insecure_value").asText())
                    .isEqualTo("my-existing-bucket");
        }
    }

    static RegionSettings natGateways(String region, int natGateways) {
        return natGateways(region, NatGateways.of(natGateways));
    }

    static RegionSettings natGateways(String region, NatGateways natGateways) {
        RegionSettings d = Synth.defaults(region);
        return new RegionSettings(region, Optional.empty(), List.of(), d.bucket(), true, Optional.empty(), false, false,
                Map.of(), natGateways, false, RegionSettings.DEFAULT_FLOW_LOG_RETENTION_DAYS);
    }

    /** The NAT gateway each private route table's default route goes through, by private subnet. */
    static Map<String, String> privateDefaultRoutes(JsonNode core) {
        Map<String, String> routes = new TreeMap<>();
        resources(core, "aws_route").forEach((name, route) -> {
            if (name.startsWith("vpc_private_subnet")) {
                routes.put(name.replace("_default_route", ""), route.path("nat_gateway_id").asText());
            }
        });
        return routes;
    }

    @Nested
    @DisplayName("fewer NAT gateways (natGateways)")
    class FewerNatGateways {

        static final String FIRST = "${aws_nat_gateway.vpc_public_subnet1_nat_gateway.id}";
        static final String SECOND = "${aws_nat_gateway.vpc_public_subnet2_nat_gateway.id}";

        @Test
        void oneGivesOneNatGatewayOneElasticIpAndEveryPrivateRouteTableRoutesThroughIt() {
            JsonNode core = Synth.stacks(Synth.settings(natGateways("us-east-1", 1))).get("agc-core-us-east-1");

            assertThat(resources(core, "aws_nat_gateway")).containsOnlyKeys("vpc_public_subnet1_nat_gateway");
            assertThat(resources(core, "aws_eip")).containsOnlyKeys("vpc_public_subnet1_eip");
            assertThat(privateDefaultRoutes(core)).isEqualTo(Map.of("vpc_private_subnet1", FIRST,
                    "vpc_private_subnet2", FIRST, "vpc_private_subnet3", FIRST));
            assertThat(texts(core.path("output").path("natgw_ids").path("value"))).containsExactly(FIRST);
            assertThat(core.path("output").path("nat_public_ips").path("value").size()).isEqualTo(1);
            assertThat(resources(core, "aws_subnet")).hasSize(6);
            assertThat(count(core, "aws_vpc_endpoint")).as("the endpoints are the same")
                    .isEqualTo(VpcEndpoints.DEFAULT_GATEWAY_SERVICES.size() + VpcEndpoints.DEFAULT_INTERFACE_SERVICES.size());
        }

        @Test
        void twoGiveNatGatewaysInTheFirstTwoAzsAndTheThirdRoutesThroughTheFirst() {
            JsonNode core = Synth.stacks(Synth.settings(natGateways("us-east-1", 2))).get("agc-core-us-east-1");

            assertThat(resources(core, "aws_nat_gateway")).containsOnlyKeys("vpc_public_subnet1_nat_gateway",
                    "vpc_public_subnet2_nat_gateway");
            assertThat(resources(core, "aws_eip")).containsOnlyKeys("vpc_public_subnet1_eip", "vpc_public_subnet2_eip");
            assertThat(privateDefaultRoutes(core)).isEqualTo(Map.of("vpc_private_subnet1", FIRST,
                    "vpc_private_subnet2", SECOND, "vpc_private_subnet3", FIRST));
        }

        @Test
        void theDefaultIsOneNatGatewayPerAzEachAzRoutingThroughItsOwn() {
            JsonNode core = Synth.stacks(Synth.settings(Synth.defaults("us-east-1"))).get("agc-core-us-east-1");

            assertThat(count(core, "aws_nat_gateway")).isEqualTo(3);
            assertThat(count(core, "aws_eip")).isEqualTo(3);
            assertThat(privateDefaultRoutes(core)).isEqualTo(Map.of("vpc_private_subnet1", FIRST,
                    "vpc_private_subnet2", SECOND,
                    "vpc_private_subnet3", "${aws_nat_gateway.vpc_public_subnet3_nat_gateway.id}"));
        }
    }

    @Nested
    @DisplayName("a regional NAT gateway (natGateways: regional)")
    class RegionalNatGateway {

        static final String REGIONAL = "${aws_nat_gateway.vpc_regional_nat_gateway.id}";
        final JsonNode core = Synth.stacks(Synth.settings(natGateways("us-east-1", NatGateways.REGIONAL)))
                .get("agc-core-us-east-1");

        @Test
        void isExactlyOneNatGatewayInRegionalModeInTheVpcWithNoElasticIpAndEveryPrivateRouteThroughIt() {
            assertThat(resources(core, "aws_nat_gateway")).containsOnlyKeys("vpc_regional_nat_gateway");
            JsonNode nat = resources(core, "aws_nat_gateway").get("vpc_regional_nat_gateway");
            assertThat(nat.path("availability_mode").asText()).isEqualTo("regional");
            assertThat(nat.path("vpc_id").asText()).isEqualTo("${aws_vpc.vpc.id}");
            assertThat(nat.has("subnet_id")).isFalse();
            assertThat(nat.has("allocation_id")).isFalse();
            assertThat(count(core, "aws_eip")).isZero();
            assertThat(privateDefaultRoutes(core)).isEqualTo(Map.of("vpc_private_subnet1", REGIONAL,
                    "vpc_private_subnet2", REGIONAL, "vpc_private_subnet3", REGIONAL));
        }

        @Test
        void keepsEverySubnetTheEndpointsAndTheInternetGatewayOfTheZonalLayout() {
            JsonNode zonal = Synth.stacks(Synth.settings(Synth.defaults("us-east-1"))).get("agc-core-us-east-1");

            Map<String, String> cidrs = new TreeMap<>();
            Map<String, String> zonalCidrs = new TreeMap<>();
            resources(core, "aws_subnet").forEach((n, sub) -> cidrs.put(n, sub.path("cidr_block").asText()));
            resources(zonal, "aws_subnet").forEach((n, sub) -> zonalCidrs.put(n, sub.path("cidr_block").asText()));
            assertThat(cidrs).hasSize(6).isEqualTo(zonalCidrs);
            assertThat(resources(core, "aws_vpc_endpoint")).isEqualTo(resources(zonal, "aws_vpc_endpoint"));
            assertThat(count(core, "aws_internet_gateway")).isEqualTo(1);
        }

        @Test
        void outputsItsIdAndTheAddressesAwsGaveIt() {
            assertThat(texts(core.path("output").path("natgw_ids").path("value"))).containsExactly(REGIONAL);
            assertThat(core.path("output").path("nat_public_ips").path("value").asText()).isEqualTo(
                    "${[for address in aws_nat_gateway.vpc_regional_nat_gateway.regional_nat_gateway_address : "
                            + "address.public_ip]}");
        }
    }

    static RegionSettings flowLogs(String region, boolean publicSubnets, int retentionDays) {
        RegionSettings d = Synth.defaults(region);
        return new RegionSettings(region, Optional.empty(), List.of(), d.bucket(), true, Optional.empty(), publicSubnets,
                false, Map.of(), NatGateways.ONE_PER_AZ, true, retentionDays);
    }

    @Nested
    @DisplayName("flow logs (flowLogs)")
    class FlowLogs {

        static final String LOG_GROUP_ARN = "${aws_cloudwatch_log_group.vpc_flow_log_log_group.arn}";

        @Test
        void recordAllTrafficOfTheNewVpcToALogGroupWithTheRetentionThroughARoleLimitedToIt() {
            JsonNode core = Synth.stacks(Synth.settings(flowLogs("us-east-1", false, 90))).get("agc-core-us-east-1");

            JsonNode flowLog = resources(core, "aws_flow_log").get("vpc_flow_log");
            assertThat(flowLog.path("vpc_id").asText()).isEqualTo("${aws_vpc.vpc.id}");
            assertThat(flowLog.path("traffic_type").asText()).isEqualTo("ALL");
            assertThat(flowLog.path("log_destination").asText()).isEqualTo(LOG_GROUP_ARN);
            assertThat(flowLog.path("iam_role_arn").asText()).isEqualTo("${aws_iam_role.vpc_flow_log_role.arn}");
            JsonNode logGroup = resources(core, "aws_cloudwatch_log_group").get("vpc_flow_log_log_group");
            assertThat(logGroup.path("retention_in_days").asInt()).isEqualTo(90);
            assertThat(logGroup.path("name").asText()).isEqualTo("/agc-infra/vpc-flow-logs/${aws_vpc.vpc.id}");
            JsonNode policy = Synth.parse(resources(core, "aws_iam_role_policy").get("vpc_flow_log_role_policy")
                    .path("policy").asText());
            assertThat(policy.path("Statement")).singleElement().satisfies(statement ->
                    assertThat(texts(statement.path("Resource"))).containsExactly(LOG_GROUP_ARN, LOG_GROUP_ARN + ":*"));
            JsonNode trust = Synth.parse(resources(core, "aws_iam_role").get("vpc_flow_log_role")
                    .path("assume_role_policy").asText());
            assertThat(trust.path("Statement").get(0).path("Condition").path("StringEquals").path("aws:SourceAccount")
                    .asText()).isEqualTo(Synth.ACCOUNT);
            assertThat(core.path("output").path("vpc_flow_log_destination_arn").path("value").asText())
                    .isEqualTo(LOG_GROUP_ARN);
            assertThat(Tf.fields(core.path("output")).keySet()).contains("vpc_flow_log_id",
                    "vpc_flow_log_cloudwatch_iam_role_arn");
        }

        @Test
        void workInPublicSubnetModeToo() {
            JsonNode core = Synth.stacks(Synth.settings(flowLogs("eu-west-1", true, 30))).get("agc-core-eu-west-1");

            assertThat(resources(core, "aws_flow_log")).containsOnlyKeys("vpc_flow_log");
            assertThat(resources(core, "aws_cloudwatch_log_group").get("vpc_flow_log_log_group")
                    .path("retention_in_days").asInt()).isEqualTo(30);
            assertThat(resources(core, "aws_iam_role").get("vpc_flow_log_role").path("name").asText())
                    .isEqualTo("agc-vpc-flow-logs-eu-west-1");
        }

        @Test
        void areNotForTheUsersOwnVpc() {
            RegionSettings own = ownVpc("eu-west-1", SUBNETS);
            RegionSettings withFlowLogs = new RegionSettings(own.region(), own.vpc(), own.subnets(), own.bucket(), false,
                    own.ami(), false, false, Map.of(), NatGateways.ONE_PER_AZ, true, 30);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synth.stacks(Synth.settings(withFlowLogs)))
                    .hasMessageContaining("flowLogs is only for a VPC agc-infra creates");
        }
    }

    @Nested
    @DisplayName("options")
    class Options {

        @Test
        void addsTheExecuteApiEndpointWhenAskedTo() {
            RegionSettings d = Synth.defaults("us-east-1");
            RegionSettings withApi = new RegionSettings("us-east-1", Optional.empty(), List.of(), d.bucket(), true,
                    Optional.empty(), false, true, Map.of());
            JsonNode core = Synth.stacks(Synth.settings(withApi)).get("agc-core-us-east-1");
            JsonNode api = resources(core, "aws_vpc_endpoint").get("endpoints_execute_api");
            assertThat(api.path("service_name").asText()).isEqualTo("com.amazonaws.us-east-1.execute-api");
            assertThat(api.path("private_dns_enabled").asBoolean()).isTrue();
            assertThat(count(core, "aws_vpc_endpoint")).as("the default endpoints and execute-api").isEqualTo(
                    VpcEndpoints.DEFAULT_GATEWAY_SERVICES.size() + VpcEndpoints.DEFAULT_INTERFACE_SERVICES.size() + 1);
        }

        @Test
        void usesTwoAzsWhereTheRegionOffersOnlyTwoAndNeverTwoSubnetsOfAGroupInOneAz() {
            JsonNode core = Synth.stacks(Synth.settings(Synth.defaults("us-west-1"))).get("agc-core-us-west-1");
            Map<String, JsonNode> subnets = resources(core, "aws_subnet");
            assertThat(subnets).hasSize(4);
            assertThat(count(core, "aws_nat_gateway")).isEqualTo(2);
            for (String group : List.of("public", "private")) {
                List<String> azs = subnets.entrySet().stream().filter(e -> e.getKey().contains(group))
                        .map(e -> e.getValue().path("availability_zone").asText()).toList();
                assertThat(azs).doesNotHaveDuplicates().hasSize(2);
            }
        }
    }
}
