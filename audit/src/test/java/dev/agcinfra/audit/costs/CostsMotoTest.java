package dev.agcinfra.audit.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code costs} in-process against moto: an AGC-like us-east-1 built with SDK calls (VPC, 3 public and 3 private
 * subnets, 3 NAT gateways with Elastic IPs, 7 interface endpoints in the 3 private subnets, an S3 gateway endpoint,
 * 1 idle Elastic IP) beside another team's untagged NAT gateway and endpoint, and Cost Explorer results set
 * through moto's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostsMotoTest {

    static final String REGION = "us-east-1";
    static final List<String> INTERFACE_SERVICES = List.of("logs", "ecr.dkr", "ecr.api", "ecs-agent",
            "ecs-telemetry", "ecs", "ec2");

    List<String> args;

    @BeforeAll
    void buildAccount() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        try (Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), moto.endpoint(), REGION);
             SsmClient ssm = AwsTestClients.build(SsmClient.builder(), moto.endpoint(), REGION)) {
            String vpc = buildAgcRegion(ec2);
            ssm.putParameter(r -> r.name("/agc/_common/vpc").type(ParameterType.STRING).value(vpc));
            buildOtherTeam(ec2);
        }
        moto.post("/moto-api/static/ce/cost-and-usage-results",
                "{\"results\": [" + CostsStubs.fixture("ce-GetCostAndUsage.json") + "]}");
        args = List.of("costs", "--regions", REGION, "--endpoint-url", moto.endpoint().toString(),
                "--today", "2026-08-15", "--max-attempts", "2", "--retry-base-delay", "1ms");
    }

    /** The AGC region's resources; returns its VPC. */
    private static String buildAgcRegion(Ec2Client ec2) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(agc(ResourceType.VPC, "vpc")))
                .vpc().vpcId();
        List<String> privateSubnets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String az = REGION + (char) ('a' + i);
            String publicCidr = "10.0." + i + ".0/24";
            String privateCidr = "10.0." + (10 + i) + ".0/24";
            int n = i + 1;
            String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(publicCidr).availabilityZone(az)
                    .tagSpecifications(agc(ResourceType.SUBNET, "public-" + n))).subnet().subnetId();
            privateSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(privateCidr).availabilityZone(az)
                    .tagSpecifications(agc(ResourceType.SUBNET, "private-" + n))).subnet().subnetId());
            String eip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                    .tagSpecifications(agc(ResourceType.ELASTIC_IP, "nat-" + n))).allocationId();
            ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(eip)
                    .tagSpecifications(agc(ResourceType.NATGATEWAY, "nat-" + n)));
        }
        for (String service : INTERFACE_SERVICES) {
            ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + REGION + "." + service)
                    .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(privateSubnets)
                    .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, service)));
        }
        ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + REGION + ".s3")
                .vpcEndpointType(VpcEndpointType.GATEWAY).tagSpecifications(agc(ResourceType.VPC_ENDPOINT, "s3")));
        ec2.allocateAddress(r -> r.domain(DomainType.VPC).tagSpecifications(agc(ResourceType.ELASTIC_IP, "idle")));
        return vpc;
    }

    private static void buildOtherTeam(Ec2Client ec2) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        String eip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip));
        ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + REGION + ".logs")
                .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnet));
        ec2.allocateAddress(r -> r.domain(DomainType.VPC));
    }

    private static TagSpecification agc(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(
                Tag.builder().key("Name").value("agc-core-" + REGION + "/" + name).build(),
                Tag.builder().key("application-name").value("agc").build()).build();
    }

    JsonNode json() throws Exception {
        CliRun run = CliRun.run(args, "--format", "json");
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    @DisplayName("the tagged resources are counted: 3 NAT gateways, 7 interface endpoints on 21 network interfaces, "
            + "4 public IPv4 addresses of which 1 idle Elastic IP; the other team's are not")
    void countsTheTaggedResources() throws Exception {
        // When
        JsonNode region = json().get("regions").get(0);

        // Then
        assertThat(region.get("region").asText()).isEqualTo(REGION);
        assertThat(region.get("natGateways").asInt()).isEqualTo(3);
        assertThat(region.get("interfaceEndpoints").asInt()).isEqualTo(7);
        assertThat(region.get("endpointNetworkInterfaces").asInt()).isEqualTo(21);
        assertThat(region.get("publicIpv4").asInt()).isEqualTo(4);
        assertThat(region.get("idleElasticIps").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the run rate is 3 NAT gateways $98.55 + 21 endpoint-AZs $153.30 + 4 public IPv4 $14.60 = $266.45")
    void pricesTheRunRate() throws Exception {
        // When
        JsonNode report = json();

        // Then
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        assertThat(report.get("hoursPerMonth").asInt()).isEqualTo(730);
        JsonNode region = report.get("regions").get(0);
        assertThat(monthly(region, "nat-gateway-hours")).isEqualByComparingTo("98.55");
        assertThat(monthly(region, "interface-endpoint-hours")).isEqualByComparingTo("153.30");
        assertThat(monthly(region, "public-ipv4-hours")).isEqualByComparingTo("14.60");
        assertThat(region.get("estimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
        assertThat(report.get("totalEstimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
        assertThat(report.get("complete").asBoolean()).isTrue();
        List<String> usageBased = new ArrayList<>();
        region.get("usageBased").forEach(u -> usageBased.add(u.get("category").asText() + " " + u.get("unitPrice").asText()));
        assertThat(usageBased).contains("nat-gateway-data $0.045 per GB processed");
    }

    @Test
    @DisplayName("actuals come from the Cost Explorer results set in moto: last month $273.79, none this month yet")
    void readsTheActuals() throws Exception {
        // When
        JsonNode report = json();

        // Then
        JsonNode actual = report.get("regions").get(0).get("actual");
        assertThat(actual.get("lastMonthUsd").decimalValue()).isEqualByComparingTo("273.79");
        assertThat(actual.get("monthToDateUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(actual.get("byUsageType").get("NatGateway-Hours").get("category").asText())
                .isEqualTo("nat-gateway-hours");
        assertThat(actual.get("byUsageType").get("USE1-PublicIPv4:IdleAddress").get("lastMonthUsd").decimalValue())
                .isEqualByComparingTo("3.72");
        assertThat(report.get("periods").get("lastMonth").get("start").asText()).isEqualTo("2026-07-01");
        assertThat(report.get("periods").get("lastMonth").get("end").asText()).isEqualTo("2026-08-01");
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    @DisplayName("moto cannot list cost allocation tags: that is a warning that actuals may undercount, not an error")
    void warnsWhenTheTagCannotBeChecked() throws Exception {
        // When
        JsonNode report = json();

        // Then
        assertThat(report.get("warnings")).anySatisfy(w -> assertThat(w.asText())
                .contains("cannot check whether 'application-name' is an active cost allocation tag", "undercount"));
    }

    @Test
    @DisplayName("advice: public subnets save $262.80, the idle Elastic IP $3.65, and NAT gateways without traffic")
    void advises() throws Exception {
        // When
        JsonNode advice = json().get("advice");

        // Then
        List<String> kinds = new ArrayList<>();
        advice.forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).containsExactly("public-subnets", "idle-elastic-ip", "idle-nat-gateway",
                "idle-nat-gateway", "idle-nat-gateway");
        assertThat(advice.get(0).get("monthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
        assertThat(advice.get(1).get("monthlyUsd").decimalValue()).isEqualByComparingTo("3.65");
        assertThat(advice.get(1).get("message").asText()).contains("agc-core-us-east-1/idle", "release it");
    }

    @Test
    @DisplayName("--budget 300 exits 0 and --budget 250 exits 1")
    void budget() {
        assertThat(CliRun.run(args, "--budget", "300").status()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.run(args, "--budget", "250").status()).isEqualTo(ExitCode.FINDINGS);
    }

    private static java.math.BigDecimal monthly(JsonNode region, String category) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode item : region.get("items")) {
            if (item.get("category").asText().equals(category)) {
                sum = sum.add(item.get("monthlyUsd").decimalValue());
            }
        }
        return sum;
    }
}
