package dev.agcinfra.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.settings.NatGateways;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The preflight's checks one by one, each on its own against moto's EC2 (the activate command's tests run them all
 * together through the CLI): what each finds, refuses, warns of and notes.
 */
class PreflightChecksMotoTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    Ec2Client ec2;
    PreflightReport report;

    @BeforeEach
    void start() {
        MotoServer.get().reset();
        ec2 = client(REGION);
        report = new PreflightReport();
    }

    @AfterEach
    void stop() {
        ec2.close();
    }

    private static Ec2Client client(String region) {
        return AwsTestClients.build(Ec2Client.builder(), MotoServer.get().endpoint(), region);
    }

    @Test
    void anAmiThatDoesNotExistIsRefusedNamingTheRegionAndTheAccount() {
        // When
        new AmiCheck(ec2, ACCOUNT, REGION).check("ami-0123456789abcdef0", report);

        // Then
        assertThat(report.refusals()).containsExactly("ami ami-0123456789abcdef0 does not exist in region us-east-1 (or "
                + "is not visible to account 123456789012); check the id and the region");
    }

    @Test
    void anAmiOfTheAccountIsNotedAsItsOwn() {
        // Given an image made in the account from an instance of a public image
        String base = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String instance = ec2.runInstances(r -> r.imageId(base).minCount(1).maxCount(1)).instances().get(0).instanceId();
        String ami = ec2.createImage(r -> r.instanceId(instance).name("agc-compute")).imageId();

        // When
        new AmiCheck(ec2, ACCOUNT, REGION).check(ami, report);

        // Then
        assertThat(report.refused()).isFalse();
        assertThat(report.notes()).containsExactly("ami " + ami + ": owned by account 123456789012");
    }

    @Test
    void aSubnetWithoutARouteTableOfItsOwnReachesTheInternetThroughTheMainTable() {
        // Given a subnet with no association, in a VPC whose main route table routes to an internet gateway
        String vpc = vpc();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
                .routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(main).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        Subnet subnet = subnet(vpc);

        // When
        new EgressCheck(ec2).check(vpc, REGION, List.of(subnet), report);

        // Then it is accepted; only the endpoints are recommended
        assertThat(report.refusals()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().startsWith("vpc " + vpc + " has no VPC endpoint for s3, "
                + "dynamodb, logs, ecr.dkr, ecr.api, ecs-agent, ecs-telemetry, ecs, ec2 (recommended");
    }

    @Test
    void anIsolatedSubnetNeedsNoRouteWhenTheVpcHasEveryRecommendedEndpoint() {
        // Given a subnet with no route out, in a VPC with every endpoint agc-infra would create
        String vpc = vpc();
        Subnet subnet = subnet(vpc);
        endpoints(vpc, subnet, Preflight.GATEWAY_ENDPOINTS, Preflight.INTERFACE_ENDPOINTS);

        // When
        new EgressCheck(ec2).check(vpc, REGION, List.of(subnet), report);

        // Then
        assertThat(report.refusals()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void anIsolatedSubnetIsRefusedNamingOnlyTheEndpointsTheVpcLacks() {
        // Given a subnet with no route out, in a VPC with the gateway endpoints only
        String vpc = vpc();
        Subnet subnet = subnet(vpc);
        endpoints(vpc, subnet, Preflight.GATEWAY_ENDPOINTS, List.of());

        // When
        new EgressCheck(ec2).check(vpc, REGION, List.of(subnet), report);

        // Then
        assertThat(report.refusals()).containsExactly("subnet " + subnet.subnetId() + " of " + vpc + " have no route to "
                + "the internet (no 0.0.0.0/0 route) and the VPC lacks endpoints for logs, ecr.dkr, ecr.api, ecs-agent, "
                + "ecs-telemetry, ecs, ec2; AGC's compute needs the internet (a NAT gateway) or those VPC endpoints");
    }

    @Test
    void theElasticIpsNeededAreOnePerAvailabilityZoneAgcInfraUsesInTheRegion() {
        // Given us-west-1, where agc-infra uses 2 AZs (2 NAT gateways), and 4 of moto's 5 addresses allocated
        try (Ec2Client west = client("us-west-1")) {
            allocateAddresses(west, 4);

            // When
            new ElasticIpQuotaCheck(west).check("us-west-1", NatGateways.ONE_PER_AZ, report);
        }

        // Then
        assertThat(report.refusals()).containsExactly("Elastic IP quota: the 2 NAT gateways need 2 new Elastic IPs but "
                + "only 1 of 5 are free in us-west-1 (4 allocated); release unused addresses, request a higher 'EC2-VPC "
                + "Elastic IPs' quota, set natGateways: 1 for us-west-1 in the settings file (one NAT gateway), or "
                + "activate with --usePublicSubnets (no NAT gateways)");
    }

    @Test
    void withOneNatGatewayOneFreeElasticIpIsEnough() {
        // Given the same region and addresses as above, and natGateways: 1
        try (Ec2Client west = client("us-west-1")) {
            allocateAddresses(west, 4);

            // When
            new ElasticIpQuotaCheck(west).check("us-west-1", NatGateways.of(1), report);
        }

        // Then
        assertThat(report.refusals()).isEmpty();
        assertThat(report.notes()).contains("Elastic IPs: 1 needed for NAT gateways, 1 of 5 free");
    }

    @Test
    void aRegionalNatGatewayNeedsNoElasticIpEvenWithNoneFree() {
        // Given every one of moto's 5 addresses allocated in us-east-2
        try (Ec2Client east = client("us-east-2")) {
            allocateAddresses(east, 5);

            // When
            new ElasticIpQuotaCheck(east).check("us-east-2", NatGateways.REGIONAL, report);
        }

        // Then
        assertThat(report.refusals()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.notes()).containsExactly("Elastic IPs: none needed: the regional NAT gateway (natGateways: "
                + "regional) gets its addresses from AWS, and agc-infra allocates none");
    }

    private static void allocateAddresses(Ec2Client ec2, int count) {
        for (int i = 0; i < count; i++) {
            ec2.allocateAddress(a -> a.domain("vpc"));
        }
    }

    private String vpc() {
        return ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    private Subnet subnet(String vpc) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet();
    }

    private void endpoints(String vpc, Subnet subnet, List<String> gateways, List<String> interfaces) {
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet.subnetId()));
        for (String service : gateways) {
            ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws." + REGION + "." + service).routeTableIds(table));
        }
        for (String service : interfaces) {
            ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                    .serviceName("com.amazonaws." + REGION + "." + service).subnetIds(subnet.subnetId()));
        }
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
