package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformJsonReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackInventory read(String resources) {
        return readDocument("{\"provider\": {\"aws\": [{\"region\": \"us-east-1\"}]}, \"resource\": " + resources + "}");
    }

    /** Parses a whole document; single quotes stand for double quotes to keep the tests readable. */
    private static StackInventory readDocument(String document) {
        try {
            JsonNode node = JSON.readTree(document.replace('\'', '"'));
            return TerraformJsonReader.read("test", List.of(node));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aLiteralCountMultipliesAndAnExpressionCountIsUnknown() {
        StackInventory stack = read("{'aws_eip': {'a': {'count': 3}, 'b': {'count': '2'}, "
                + "'c': {'count': '${length(var.azs)}'}}}");

        assertThat(stack.elasticIps()).extracting(e -> e.count().value()).containsExactly(3, 2, null);
        assertThat(stack.elasticIps().get(2).count().problem()).contains("length(var.azs)");
    }

    @Test
    void aLiteralForEachCountsItsEntriesAndAnExpressionIsUnknown() {
        StackInventory stack = read("{'aws_eip': {'a': {'for_each': {'x': 1, 'y': 2}}, "
                + "'b': {'for_each': '${toset(var.names)}'}}}");

        assertThat(stack.elasticIps().get(0).count().value()).isEqualTo(2);
        assertThat(stack.elasticIps().get(1).count().known()).isFalse();
    }

    @Test
    void anInterfaceEndpointsAzsAreItsSubnetIdsEntries() {
        StackInventory stack = read("{'aws_vpc_endpoint': {'logs': {'vpc_endpoint_type': 'Interface', "
                + "'subnet_ids': ['${aws_subnet.Private1.id}', '${aws_subnet.Private2.id}', 'subnet-0123456789abcdef0']}}}");

        assertThat(stack.interfaceEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.azs().value()).isEqualTo(3));
    }

    @Test
    void aSplatOrFunctionInSubnetIdsMakesTheAzsUnknown() {
        StackInventory stack = read("{'aws_vpc_endpoint': {"
                + "'a': {'vpc_endpoint_type': 'Interface', 'subnet_ids': ['${aws_subnet.private[*].id}']},"
                + "'b': {'vpc_endpoint_type': 'Interface', 'subnet_ids': '${module.vpc.private_subnets}'},"
                + "'c': {'vpc_endpoint_type': 'Interface'}}}");

        assertThat(stack.interfaceEndpoints()).allSatisfy(e -> assertThat(e.azs().known()).isFalse());
    }

    @Test
    void subnetAssociationsAddAzsToTheirEndpoint() {
        StackInventory stack = read("{'aws_vpc_endpoint': {'logs': {'vpc_endpoint_type': 'Interface', "
                + "'subnet_ids': ['subnet-0123456789abcdef0']}}, 'aws_vpc_endpoint_subnet_association': {"
                + "'extra': {'count': 2, 'vpc_endpoint_id': '${aws_vpc_endpoint.logs.id}', 'subnet_id': 'subnet-1'}}}");

        assertThat(stack.interfaceEndpoints().get(0).azs().value()).isEqualTo(3);
    }

    @Test
    void anEndpointWithoutATypeIsAFreeGatewayEndpointAsTerraformDefaults() {
        StackInventory stack = read("{'aws_vpc_endpoint': {'s3': {'service_name': 'com.amazonaws.us-east-1.s3'}}}");

        assertThat(stack.gatewayEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.service()).isEqualTo("com.amazonaws.us-east-1.s3"));
        assertThat(stack.interfaceEndpoints()).isEmpty();
    }

    @Test
    void aGatewayLoadBalancerEndpointIsReportedAsNotPriced() {
        StackInventory stack = read("{'aws_vpc_endpoint': {'fw': {'vpc_endpoint_type': 'GatewayLoadBalancer'}}}");

        assertThat(stack.unsupported()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("GatewayLoadBalancer"));
    }

    @Test
    void aNatGatewaysElasticIpOfTheStackIsLinkedSoItsAddressIsPricedOnce() {
        StackInventory stack = read("{'aws_eip': {'nat': {'domain': 'vpc'}}, 'aws_nat_gateway': {"
                + "'linked': {'allocation_id': '${aws_eip.nat.id}'},"
                + "'literal': {'allocation_id': 'eipalloc-0123456789abcdef0'},"
                + "'internal': {'connectivity_type': 'private'}}}");

        assertThat(stack.natGateways()).extracting(StackInventory.NatGateway::otherPublicIps).containsExactly(0, 1, 0);
        assertThat(stack.natGateways().get(0).elasticIpAddresses()).containsExactly("aws_eip.nat");
        assertThat(stack.natGateways().get(2).publicConnectivity()).isFalse();
    }

    @Test
    void aRegionalNatGatewayIsReadAsRegionalWithTheStacksElasticIpsOfItsAzAddressesOrAddressesAwsAssigns() {
        StackInventory stack = read("{'aws_eip': {'a': {'domain': 'vpc'}, 'b': {'domain': 'vpc'}}, 'aws_nat_gateway': {"
                + "'automatic': {'availability_mode': 'regional', 'vpc_id': '${aws_vpc.vpc.id}'},"
                + "'manual': {'availability_mode': 'regional', 'vpc_id': '${aws_vpc.vpc.id}', 'availability_zone_address': ["
                + "{'allocation_ids': ['${aws_eip.a.id}'], 'availability_zone': 'us-east-1a'},"
                + "{'allocation_ids': ['${aws_eip.b.id}', 'eipalloc-0123456789abcdef0'], 'availability_zone': 'us-east-1b'}]},"
                + "'zonal': {'availability_mode': 'zonal', 'allocation_id': '${aws_eip.a.id}'}}}");

        assertThat(stack.natGateways()).extracting(StackInventory.NatGateway::regional).containsExactly(true, true, false);
        StackInventory.NatGateway automatic = stack.natGateways().get(0);
        assertThat(automatic.awsAssignsAddresses()).isTrue();
        assertThat(automatic.otherPublicIps()).as("no address of its own to price").isZero();
        StackInventory.NatGateway manual = stack.natGateways().get(1);
        assertThat(manual.elasticIpAddresses()).containsExactly("aws_eip.a", "aws_eip.b");
        assertThat(manual.otherPublicIps()).isEqualTo(1);
        assertThat(manual.awsAssignsAddresses()).isFalse();
        assertThat(stack.natGateways().get(2).awsAssignsAddresses()).isFalse();
    }

    @Test
    void aFlowLogToCloudWatchLogsIsReadAndOneToAnotherDestinationIsReportedAsNotPriced() {
        StackInventory stack = read("{'aws_flow_log': {"
                + "'vpc': {'vpc_id': '${aws_vpc.vpc.id}', 'traffic_type': 'ALL', 'log_destination': 'arn:aws:logs:x'},"
                + "'explicit': {'log_destination_type': 'cloud-watch-logs', 'count': 2},"
                + "'to_s3': {'log_destination_type': 's3', 'log_destination': 'arn:aws:s3:::flow-logs'}}}");

        assertThat(stack.flowLogs()).extracting(StackInventory.FlowLog::address)
                .containsExactly("aws_flow_log.vpc", "aws_flow_log.explicit");
        assertThat(stack.flowLogs().get(1).count().value()).isEqualTo(2);
        assertThat(stack.unsupported()).singleElement().satisfies(u -> {
            assertThat(u.address()).isEqualTo("aws_flow_log.to_s3");
            assertThat(u.reason()).contains("a flow log to s3");
        });
    }

    @Test
    void cdktfMetadataKeysAreIgnored() {
        StackInventory stack = read("{'//': {'metadata': {}}, 'aws_eip': {'//': {'x': 1}, 'a': {'//': {'metadata': {}}}}}");

        assertThat(stack.elasticIps()).extracting(StackInventory.ElasticIp::address).containsExactly("aws_eip.a");
    }

    @Test
    void aRegionThatIsAnExpressionIsUnknownWithTheReason() {
        StackInventory stack = readDocument("{'provider': {'aws': [{'region': '${var.region}'}]}, 'resource': {}}");

        assertThat(stack.region()).isNull();
        assertThat(stack.regionProblem()).contains("${var.region}");
    }

    @Test
    void aResourceOnAnAliasedProviderInAnotherRegionIsReportedNotPricedUnderThisRegion() {
        StackInventory stack = readDocument("{'provider': {'aws': [{'region': 'us-east-1'}, {'alias': 'west', "
                + "'region': 'us-west-2'}]}, 'resource': {'aws_nat_gateway': {'w': {'provider': 'aws.west'}}}}");

        assertThat(stack.natGateways()).isEmpty();
        assertThat(stack.unsupported()).singleElement().satisfies(u -> {
            assertThat(u.address()).isEqualTo("aws_nat_gateway.w");
            assertThat(u.reason()).contains("us-west-2");
        });
    }

    @Test
    void aStackWithAnAwsVpcResourceCreatesItsOwnVpc() {
        assertThat(read("{'aws_vpc': {'main': {'cidr_block': '10.0.0.0/16'}}}").createsVpc()).isTrue();
        assertThat(read("{}").createsVpc()).isFalse();
    }

    @Test
    void theHandWrittenFixturePricesLikeTerraformWouldCreateIt() {
        EstimateReport.StackEstimate estimate = new CostEstimator(PriceTable.embedded(), UsageAssumptions.NONE)
                .estimate(StackLoader.load(Fixtures.resource("handwritten"))).stacks().get(0);

        // NATs: 2 counted + 1 with a literal EIP + 1 private = 4 × $32.85; public IPv4: 2 EIPs + the literal one;
        // sts: 2 AZs = $14.60; ssm's count is an expression: unknown.
        assertThat(Money.round(estimate.monthlyUsd())).isEqualByComparingTo("156.95");
        assertThat(estimate.unknown()).extracting(EstimateReport.UnknownItem::address)
                .contains("aws_vpc_endpoint.ssm");
    }
}
