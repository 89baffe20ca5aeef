package dev.agcinfra.app.stacks;

import static dev.agcinfra.app.stacks.Tf.count;
import static dev.agcinfra.app.stacks.Tf.data;
import static dev.agcinfra.app.stacks.Tf.resources;
import static dev.agcinfra.app.stacks.Tf.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.app.AgcVersion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("a region with every default")
class DefaultRegionTest {

    static Map<String, JsonNode> stacks;
    static JsonNode core;
    static JsonNode data;

    @BeforeAll
    static void synth() {
        stacks = Synth.stacks(Synth.settings(Synth.defaults("us-east-1")));
        core = stacks.get("agc-core-us-east-1");
        data = stacks.get("agc-data-us-east-1");
    }

    @Test
    void synthesizesADataStackAndACoreStack() {
        assertThat(stacks).containsOnlyKeys("agc-data-us-east-1", "agc-core-us-east-1");
    }

    @Nested
    @DisplayName("network")
    class Network {

        @Test
        void createsOneVpcWithTheCdkDefaultCidrAndDnsOn() {
            JsonNode vpc = resources(core, "aws_vpc").get("vpc");
            assertThat(count(core, "aws_vpc")).isEqualTo(1);
            assertThat(vpc.path("cidr_block").asText()).isEqualTo("10.0.0.0/16");
            assertThat(vpc.path("enable_dns_support").asBoolean()).isTrue();
            assertThat(vpc.path("enable_dns_hostnames").asBoolean()).isTrue();
        }

        @Test
        void createsSixSubnetsWithAwsCdksCidrsOnePerGroupPerAz() {
            Map<String, JsonNode> subnets = resources(core, "aws_subnet");
            Map<String, String> cidrs = new TreeMap<>();
            subnets.forEach((name, s) -> cidrs.put(name, s.path("cidr_block").asText()));
            assertThat(cidrs).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "vpc_public_subnet1", "10.0.0.0/19",
                    "vpc_public_subnet2", "10.0.32.0/19",
                    "vpc_public_subnet3", "10.0.64.0/19",
                    "vpc_private_subnet1", "10.0.96.0/19",
                    "vpc_private_subnet2", "10.0.128.0/19",
                    "vpc_private_subnet3", "10.0.160.0/19"));
            for (int i = 1; i <= 3; i++) {
                String az = "${data.aws_availability_zones.vpc_availability_zones.names[" + (i - 1) + "]}";
                assertThat(subnets.get("vpc_public_subnet" + i).path("availability_zone").asText()).isEqualTo(az);
                assertThat(subnets.get("vpc_private_subnet" + i).path("availability_zone").asText()).isEqualTo(az);
            }
        }

        @Test
        void usesOnlyAvailableAzsThatNeedNoOptIn() {
            JsonNode zones = data(core, "aws_availability_zones").get("vpc_availability_zones");
            assertThat(zones.path("state").asText()).isEqualTo("available");
            assertThat(zones.path("filter").get(0).path("name").asText()).isEqualTo("opt-in-status");
            assertThat(texts(zones.path("filter").get(0).path("values"))).containsExactly("opt-in-not-required");
        }

        @Test
        void tagsSubnetsAsAwsCdkDoesSoAgcContextLookupsKeepWorking() {
            Map<String, JsonNode> subnets = resources(core, "aws_subnet");
            for (int i = 1; i <= 3; i++) {
                JsonNode pub = subnets.get("vpc_public_subnet" + i).path("tags");
                JsonNode priv = subnets.get("vpc_private_subnet" + i).path("tags");
                assertThat(pub.path("aws-cdk:subnet-type").asText()).isEqualTo("Public");
                assertThat(pub.path("aws-cdk:subnet-name").asText()).isEqualTo("Public");
                assertThat(priv.path("aws-cdk:subnet-type").asText()).isEqualTo("Private");
                assertThat(priv.path("aws-cdk:subnet-name").asText()).isEqualTo("Private");
                assertThat(priv.path("Name").asText()).isEqualTo("agc-core-us-east-1/Vpc/PrivateSubnet" + i);
            }
        }

        @Test
        void mapsPublicIpsOnLaunchOnlyInPublicSubnets() {
            resources(core, "aws_subnet").forEach((name, s) ->
                    assertThat(s.path("map_public_ip_on_launch").asBoolean()).as(name).isEqualTo(name.contains("public")));
        }

        @Test
        void createsOneNatGatewayWithItsOwnElasticIpInEachPublicSubnet() {
            Map<String, JsonNode> nats = resources(core, "aws_nat_gateway");
            assertThat(nats).hasSize(3);
            assertThat(count(core, "aws_eip")).isEqualTo(3);
            for (int i = 1; i <= 3; i++) {
                JsonNode nat = nats.get("vpc_public_subnet" + i + "_nat_gateway");
                assertThat(nat.path("subnet_id").asText()).isEqualTo("${aws_subnet.vpc_public_subnet" + i + ".id}");
                assertThat(nat.path("allocation_id").asText()).isEqualTo("${aws_eip.vpc_public_subnet" + i + "_eip.allocation_id}");
                assertThat(resources(core, "aws_eip").get("vpc_public_subnet" + i + "_eip").path("domain").asText()).isEqualTo("vpc");
            }
        }

        @Test
        void routesEachPrivateSubnetThroughTheNatGatewayInItsOwnAz() {
            Map<String, JsonNode> routes = resources(core, "aws_route");
            for (int i = 1; i <= 3; i++) {
                JsonNode priv = routes.get("vpc_private_subnet" + i + "_default_route");
                assertThat(priv.path("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0");
                assertThat(priv.path("nat_gateway_id").asText()).isEqualTo("${aws_nat_gateway.vpc_public_subnet" + i + "_nat_gateway.id}");
                JsonNode pub = routes.get("vpc_public_subnet" + i + "_default_route");
                assertThat(pub.path("gateway_id").asText()).isEqualTo("${aws_internet_gateway.vpc_igw.id}");
            }
            assertThat(count(core, "aws_route_table")).isEqualTo(6);
            assertThat(count(core, "aws_route_table_association")).isEqualTo(6);
        }

        @Test
        void adoptsTheDefaultSecurityGroupWithNoRules() {
            JsonNode sg = resources(core, "aws_default_security_group").get("vpc_default_security_group");
            assertThat(sg.path("vpc_id").asText()).isEqualTo("${aws_vpc.vpc.id}");
            assertThat(sg.has("ingress")).isFalse();
            assertThat(sg.has("egress")).isFalse();
        }
    }

    @Nested
    @DisplayName("endpoints")
    class Endpoints {

        @Test
        void createsS3AndDynamoDbGatewayEndpointsOnThePrivateRouteTables() {
            Map<String, JsonNode> endpoints = resources(core, "aws_vpc_endpoint");
            for (String service : List.of("s3", "dynamodb")) {
                JsonNode e = endpoints.get("endpoints_" + service);
                assertThat(e.path("vpc_endpoint_type").asText()).isEqualTo("Gateway");
                assertThat(e.path("service_name").asText()).isEqualTo("com.amazonaws.us-east-1." + service);
                assertThat(texts(e.path("route_table_ids"))).containsExactly(
                        "${aws_route_table.vpc_private_subnet1_route_table.id}",
                        "${aws_route_table.vpc_private_subnet2_route_table.id}",
                        "${aws_route_table.vpc_private_subnet3_route_table.id}");
            }
        }

        @Test
        void createsSevenInterfaceEndpointsInThePrivateSubnetsWithPrivateDns() {
            Map<String, JsonNode> interfaces = resources(core, "aws_vpc_endpoint").entrySet().stream()
                    .filter(e -> e.getValue().path("vpc_endpoint_type").asText().equals("Interface"))
                    .collect(Collectors.toMap(e -> e.getValue().path("service_name").asText(), Map.Entry::getValue));
            assertThat(interfaces.keySet()).containsExactlyInAnyOrder(
                    "com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.ecr.api",
                    "com.amazonaws.us-east-1.ecs-agent", "com.amazonaws.us-east-1.ecs-telemetry",
                    "com.amazonaws.us-east-1.ecs", "com.amazonaws.us-east-1.ec2");
            interfaces.forEach((service, e) -> {
                assertThat(e.path("private_dns_enabled").asBoolean()).as(service).isTrue();
                assertThat(texts(e.path("subnet_ids"))).as(service).containsExactly(
                        "${aws_subnet.vpc_private_subnet1.id}", "${aws_subnet.vpc_private_subnet2.id}",
                        "${aws_subnet.vpc_private_subnet3.id}");
                assertThat(texts(e.path("security_group_ids"))).containsExactly("${aws_security_group.endpoints_security_group.id}");
            });
        }

        @Test
        void letsOnlyHttpsFromTheVpcCidrReachTheEndpoints() {
            JsonNode sg = resources(core, "aws_security_group").get("endpoints_security_group");
            assertThat(sg.has("ingress")).isFalse();
            assertThat(sg.has("egress")).as("no egress rule: Terraform removes AWS's default allow-all").isFalse();
            Map<String, JsonNode> rules = resources(core, "aws_vpc_security_group_ingress_rule");
            assertThat(rules).containsOnlyKeys("endpoints_https_from_vpc");
            JsonNode rule = rules.get("endpoints_https_from_vpc");
            assertThat(rule.path("ip_protocol").asText()).isEqualTo("tcp");
            assertThat(rule.path("from_port").asInt()).isEqualTo(443);
            assertThat(rule.path("to_port").asInt()).isEqualTo(443);
            assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("${aws_vpc.vpc.cidr_block}");
            assertThat(count(core, "aws_vpc_security_group_egress_rule")).isZero();
        }

        @Test
        void addsNoExecuteApiEndpointUnlessAskedTo() {
            assertThat(resources(core, "aws_vpc_endpoint")).doesNotContainKey("endpoints_execute_api");
        }
    }

    @Nested
    @DisplayName("table and parameters")
    class TableAndParameters {

        @Test
        void createsAgcsTableWithItsKeysIndexesTtlAndPointInTimeRecovery() {
            JsonNode table = resources(core, "aws_dynamodb_table").get("table");
            assertThat(table.path("name").asText()).isEqualTo("Agc");
            assertThat(table.path("hash_key").asText()).isEqualTo("PK");
            assertThat(table.path("range_key").asText()).isEqualTo("SK");
            assertThat(table.path("billing_mode").asText()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.path("ttl").path("attribute_name").asText()).isEqualTo("expiry");
            assertThat(table.path("ttl").path("enabled").asBoolean()).isTrue();
            assertThat(table.path("point_in_time_recovery").path("enabled").asBoolean()).isTrue();
            Map<String, String> attributes = new TreeMap<>();
            table.path("attribute").forEach(a -> attributes.put(a.path("name").asText(), a.path("type").asText()));
            assertThat(attributes).containsOnlyKeys("PK", "SK", "GSI1_PK", "GSI1_SK", "LSI1_SK", "LSI2_SK", "LSI3_SK")
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo("S"));
            JsonNode gsi = table.path("global_secondary_index").get(0);
            assertThat(table.path("global_secondary_index").size()).isEqualTo(1);
            assertThat(gsi.path("name").asText()).isEqualTo("gsi1");
            assertThat(gsi.path("hash_key").asText()).isEqualTo("GSI1_PK");
            assertThat(gsi.path("range_key").asText()).isEqualTo("GSI1_SK");
            assertThat(gsi.path("projection_type").asText()).isEqualTo("ALL");
            assertThat(table.path("local_secondary_index").size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                JsonNode lsi = table.path("local_secondary_index").get(i);
                assertThat(lsi.path("name").asText()).isEqualTo("lsi" + (i + 1));
                assertThat(lsi.path("range_key").asText()).isEqualTo("LSI" + (i + 1) + "_SK");
                assertThat(lsi.path("projection_type").asText()).isEqualTo("ALL");
            }
        }

        @Test
        void writesEveryCommonParameterWithItsNameTypeAndValue() {
            Map<String, String[]> byName = new TreeMap<>();
            resources(core, "aws_ssm_parameter").forEach((n, p) -> byName.put(p.path("name").asText(), new String[] {
                    p.path("type").asText(), p.path("insecure_value").asText(), p.path("data_type").asText(null)}));
            assertThat(byName).containsOnlyKeys("/agc/_common/vpc", "/agc/_common/bucket",
                    "/agc/_common/installed-artifacts/s3-root-url", "/agc/_common/InfraSubnets",
                    "/agc/_common/NumInfraSubnets", "/agc/_common/ComputeEnvImage");
            assertThat(byName.get("/agc/_common/vpc")).containsExactly("String", "${aws_vpc.vpc.id}", null);
            assertThat(byName.get("/agc/_common/bucket")).containsExactly("String", "agc-123456789012-us-east-1", null);
            assertThat(byName.get("/agc/_common/installed-artifacts/s3-root-url")).containsExactly(
                    "String", "s3://agc-123456789012-us-east-1/artifacts/batch-artifacts", null);
            assertThat(byName.get("/agc/_common/InfraSubnets")).containsExactly("StringList",
                    "${join(\",\", [aws_subnet.vpc_private_subnet1.id, aws_subnet.vpc_private_subnet2.id, aws_subnet.vpc_private_subnet3.id])}",
                    null);
            assertThat(byName.get("/agc/_common/NumInfraSubnets")).containsExactly("String", "3", null);
            assertThat(byName.get("/agc/_common/ComputeEnvImage")).containsExactly("String",
                    "${data.aws_ssm_parameter.parameters_ecs_optimized_ami.insecure_value}", "aws:ec2:image");
        }

        @Test
        void readsTheLatestEcsOptimizedAmiFromItsPublicParameter() {
            assertThat(data(core, "aws_ssm_parameter").get("parameters_ecs_optimized_ami").path("name").asText())
                    .isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id");
        }
    }

    @Nested
    @DisplayName("provider, backend and outputs")
    class ProviderBackendOutputs {

        @Test
        void tagsEveryResourceThroughTheProvidersDefaultTags() {
            for (JsonNode stack : stacks.values()) {
                JsonNode provider = stack.path("provider").path("aws").get(0);
                assertThat(provider.path("region").asText()).isEqualTo("us-east-1");
                assertThat(texts(provider.path("allowed_account_ids"))).containsExactly("123456789012");
                JsonNode tags = provider.path("default_tags").get(0).path("tags");
                assertThat(Tf.fields(tags)).hasSize(2);
                assertThat(tags.path("application-name").asText()).isEqualTo("agc");
                assertThat(tags.path("agc-version").asText()).isEqualTo(AgcVersion.get()).isNotBlank();
            }
        }

        @Test
        void keepsStateInAnEncryptedLockedS3BackendOfTheSameRegion() {
            for (Map.Entry<String, JsonNode> stack : stacks.entrySet()) {
                JsonNode s3 = stack.getValue().path("terraform").path("backend").path("s3");
                assertThat(s3.path("bucket").asText()).isEqualTo("agc-tfstate-123456789012-us-east-1");
                assertThat(s3.path("key").asText()).isEqualTo("agc/" + stack.getKey() + ".tfstate");
                assertThat(s3.path("region").asText()).isEqualTo("us-east-1");
                assertThat(s3.path("encrypt").asBoolean()).isTrue();
                assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
                assertThat(stack.getValue().path("terraform").path("required_version").asText()).isEqualTo(">= 1.10.0");
                assertThat(stack.getValue().path("terraform").path("required_providers").path("aws").path("source").asText())
                        .isEqualTo("hashicorp/aws");
            }
        }

        @Test
        void namesOutputsAsTerraformModulesDo() {
            assertThat(Tf.fields(core.path("output")).keySet()).containsExactlyInAnyOrder("vpc_id", "public_subnets",
                    "private_subnets", "infra_subnets", "nat_public_ips", "vpc_endpoint_ids", "bucket_name", "table_name",
                    "compute_image_id", "vpc_cidr_block", "azs", "public_route_table_ids", "private_route_table_ids",
                    "natgw_ids", "igw_id");
            assertThat(core.path("output").path("nat_public_ips").path("value").size()).isEqualTo(3);
            assertThat(core.path("output").path("vpc_cidr_block").path("value").asText()).isEqualTo("${aws_vpc.vpc.cidr_block}");
            assertThat(Tf.texts(core.path("output").path("natgw_ids").path("value"))).containsExactly(
                    "${aws_nat_gateway.vpc_public_subnet1_nat_gateway.id}",
                    "${aws_nat_gateway.vpc_public_subnet2_nat_gateway.id}",
                    "${aws_nat_gateway.vpc_public_subnet3_nat_gateway.id}");
            assertThat(Tf.texts(core.path("output").path("private_route_table_ids").path("value"))).containsExactly(
                    "${aws_route_table.vpc_private_subnet1_route_table.id}",
                    "${aws_route_table.vpc_private_subnet2_route_table.id}",
                    "${aws_route_table.vpc_private_subnet3_route_table.id}");
            assertThat(core.path("output").path("public_route_table_ids").path("value").size()).isEqualTo(3);
            assertThat(core.path("output").path("azs").path("value").get(0).asText())
                    .isEqualTo("${data.aws_availability_zones.vpc_availability_zones.names[0]}");
            assertThat(core.path("output").path("igw_id").path("value").asText()).isEqualTo("${aws_internet_gateway.vpc_igw.id}");
            assertThat(core.path("output").path("vpc_endpoint_ids").path("value").path("ecr.api").asText())
                    .isEqualTo("${aws_vpc_endpoint.endpoints_ecr_api.id}");
            assertThat(Tf.fields(data.path("output")).keySet()).containsExactlyInAnyOrder("bucket_name", "bucket_arn");
        }
    }
}
