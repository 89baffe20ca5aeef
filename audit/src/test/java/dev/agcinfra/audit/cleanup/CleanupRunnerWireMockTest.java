package dev.agcinfra.audit.cleanup;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.agcinfra.audit.testing.AwsStubs.ec2Error;
import static dev.agcinfra.audit.testing.AwsStubs.xmlBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsSettings;
import dev.agcinfra.audit.aws.RegionClients;
import dev.agcinfra.audit.provenance.Provenance;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.TestCredentials;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cleanup runner against exact EC2 answers: a deletion that fails mid-way, a NAT gateway that never goes. */
class CleanupRunnerWireMockTest {

    static final String REGION = "eu-west-1";
    static final String NS = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    AwsStubs aws;
    AwsClientFactory factory;
    RegionClients clients;

    final CleanupAction endpoint = action(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", "vpce-0a1b2c3d4e5f00301", "16.06");
    final CleanupAction nat = action(Operation.DELETE_NAT_GATEWAY, "natgateway", "nat-0a1b2c3d4e5f00101", "35.04");
    final CleanupAction eip = action(Operation.RELEASE_ADDRESS, "elastic-ip", "eipalloc-0a1b2c3d4e5f00201", "3.65");
    final CleanupAction vpc = action(Operation.DELETE_VPC, "vpc", "vpc-0abc123def4567890", "0");
    final CleanupPlan plan = plan(List.of(nat, eip, endpoint, vpc));

    @BeforeEach
    void clients() {
        TestCredentials.install();
        aws = new AwsStubs(wm);
        factory = new AwsClientFactory(AwsSettings.defaults().withEndpoint(URI.create(wm.baseUrl()))
                .withRetries(1, Duration.ofMillis(1)), Map.of());
        clients = new RegionClients(factory, REGION);
        aws.ec2(REGION, "DeleteVpcEndpoints", xmlBody("<DeleteVpcEndpointsResponse" + NS
                + "><requestId>r1</requestId><unsuccessful/></DeleteVpcEndpointsResponse>"));
        aws.ec2(REGION, "DescribeVpcEndpoints", xmlBody("<DescribeVpcEndpointsResponse" + NS
                + "><requestId>r2</requestId><vpcEndpointSet/></DescribeVpcEndpointsResponse>"));
        aws.ec2(REGION, "DeleteNatGateway", xmlBody("<DeleteNatGatewayResponse" + NS
                + "><requestId>r3</requestId><natGatewayId>" + nat.id() + "</natGatewayId></DeleteNatGatewayResponse>"));
        aws.ec2(REGION, "DescribeNetworkInterfaces", networkInterfaces(""));
    }

    @AfterEach
    void close() {
        clients.close();
        factory.close();
    }

    @Test
    @DisplayName("a release that fails after the NAT gateway went stops there, and the report says what was and was not deleted")
    void stopsAtTheFirstFailure() {
        // Given
        natGatewayState("deleted");
        aws.ec2(REGION, "ReleaseAddress", ec2Error(400, "InvalidIPAddress.InUse",
                "Address " + eip.id() + " is in use."));

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(1), Duration.ofSeconds(5), d -> { })
                .run(plan);

        // Then
        assertThat(result.complete()).isFalse();
        assertThat(result.deleted()).containsExactly(nat);
        assertThat(result.failed()).isEqualTo(eip);
        assertThat(result.error()).isEqualTo("eu-west-1 ec2 ReleaseAddress InvalidIPAddress.InUse: Address "
                + eip.id() + " is in use.");
        assertThat(result.notDone()).containsExactly(endpoint, vpc);
        assertThat(result.monthlySavingUsd()).isEqualByComparingTo("35.04");
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteVpc&")));
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteVpcEndpoints")));
        String text = CleanupReports.resultText(result);
        assertThat(text).contains("Deleted (1):\n  delete-nat-gateway " + nat.id(),
                "Failed: release-address " + eip.id() + ": eu-west-1 ec2 ReleaseAddress",
                "Not deleted (3):\n  release-address " + eip.id() + "\n  delete-vpc-endpoint " + endpoint.id()
                        + "\n  delete-vpc " + vpc.id(),
                "Stopped at the first failure", "Monthly saving of what was deleted: $35.04");
    }

    @Test
    @DisplayName("the plan's deletions are one table: operation, type and id start at the same column in every row")
    void thePlansColumnsLineUp() {
        String text = CleanupReports.planText(plan, "123456789012");

        List<String> rows = text.lines().filter(l -> l.matches(" +\\d+\\. .*")).toList();
        assertThat(rows).hasSize(plan.actions().size());
        for (java.util.function.Function<CleanupAction, String> cell : List.<java.util.function.Function<CleanupAction,
                String>>of(a -> a.operation().id(), CleanupAction::type, CleanupAction::id)) {
            assertThat(java.util.stream.IntStream.range(0, rows.size())
                    .mapToObj(i -> rows.get(i).indexOf(" " + cell.apply(plan.actions().get(i))))
                    .distinct()).singleElement().isNotEqualTo(-1);
        }
        // the operation starts where the lines under it (why, and the command) start; the savings line up too
        assertThat(rows).allSatisfy(row -> assertThat(row.indexOf(" ", 5)).isEqualTo(5));
        assertThat(rows.stream().filter(row -> row.contains("$")).map(row -> row.indexOf('$')).distinct())
                .singleElement();
        assertThat(rows.stream().filter(row -> row.contains("$")).count()).isGreaterThan(1);
    }

    @Test
    @DisplayName("a run whose plan had entries skipped does not claim that every deletion completed")
    void aRunWithSkippedEntriesSaysSo() {
        CleanupResult result = new CleanupResult(REGION, List.of(nat), List.of(), null, null, List.of(),
                List.of(new CleanupResult.Skipped(eip, "no longer found")));

        String text = CleanupReports.resultText(result);

        assertThat(text).doesNotContain("Every deletion completed.").contains("Deleted (1):\n  delete-nat-gateway "
                + nat.id(), "Every deletion that ran completed; 1 skipped, as listed: run cleanup again to plan what is "
                + "left.");
    }

    @Test
    @DisplayName("a NAT gateway still deleting when the SDK's waiter gives up fails the run before its Elastic IP is released")
    void natGatewayThatNeverGoesTimesOut() {
        // Given
        natGatewayState("deleting");

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(5), Duration.ofMillis(200), d -> { })
                .run(plan);

        // Then
        assertThat(result.deleted()).isEmpty();
        assertThat(result.failed()).isEqualTo(nat);
        assertThat(result.error()).contains("Timeout", nat.id(), "still deleting");
        assertThat(result.notDone()).containsExactly(eip, endpoint, vpc);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeNatGateways")))).as("the waiter polled").hasSizeGreaterThan(1);
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ReleaseAddress")));
    }

    @Test
    @DisplayName("the SDK's waiter polls until the NAT gateway is deleted, then the run goes on")
    void waitsForTheNatGateway() {
        // Given: deleting twice, then deleted
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(containing("Action=DescribeNatGateways")).inScenario("nat")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(natGateways("deleting")).willSetStateTo("second"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(containing("Action=DescribeNatGateways")).inScenario("nat")
                .whenScenarioStateIs("second").willReturn(natGateways("deleting")).willSetStateTo("third"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(containing("Action=DescribeNatGateways")).inScenario("nat")
                .whenScenarioStateIs("third").willReturn(natGateways("deleted")));
        aws.ec2(REGION, "ReleaseAddress", xmlBody("<ReleaseAddressResponse" + NS
                + "><requestId>r4</requestId><return>true</return></ReleaseAddressResponse>"));
        aws.ec2(REGION, "DeleteVpc", xmlBody("<DeleteVpcResponse" + NS
                + "><requestId>r5</requestId><return>true</return></DeleteVpcResponse>"));

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(1), Duration.ofSeconds(5), d -> { })
                .run(plan);

        // Then
        assertThat(result.complete()).as(result.error()).isTrue();
        assertThat(result.deleted()).containsExactly(nat, eip, endpoint, vpc);
        wm.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeNatGateways")));
    }

    @Test
    @DisplayName("a network interface of another service that appeared in the VPC stops the run before its subnet, and the VPC stays")
    void foreignInterfaceStopsBeforeTheSubnet() {
        // Given: the plan knew the NAT gateway's interface; a Lambda's appeared since
        CleanupAction subnet = new CleanupAction(Operation.DELETE_SUBNET, "subnet", "subnet-0a1b2c3d4e5f00011", vpc.id(),
                "aws ec2 delete-subnet ...", BigDecimal.ZERO, provenance());
        aws.ec2(REGION, "DescribeNetworkInterfaces", networkInterfaces(networkInterface("eni-0nat", "")
                + networkInterface("eni-0lambda", "AWS Lambda VPC ENI-report")));
        CleanupPlan vpcPlan = new CleanupPlan("123456789012", REGION, false, false, List.of(subnet, vpc), List.of(),
                Map.of(vpc.id(), List.of("eni-0nat")));

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(1), Duration.ofSeconds(5), d -> { })
                .run(vpcPlan);

        // Then
        assertThat(result.failed()).isEqualTo(subnet);
        assertThat(result.error()).contains(CleanupRunner.FOREIGN_INTERFACE, "eni-0lambda (\"AWS Lambda VPC ENI-report\"")
                .doesNotContain("eni-0nat");
        assertThat(result.notDone()).containsExactly(vpc);
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteSubnet")));
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteVpc&")));
    }

    @Test
    @DisplayName("a subnet still in use by a just-deleted endpoint's interfaces is tried again until it goes")
    void retriesDependencyViolation() {
        // Given: DependencyViolation once, then deleted
        CleanupAction subnet = new CleanupAction(Operation.DELETE_SUBNET, "subnet", "subnet-0a1b2c3d4e5f00011", vpc.id(),
                "aws ec2 delete-subnet ...", BigDecimal.ZERO, provenance());
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(containing("Action=DeleteSubnet")).inScenario("subnet")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(ec2Error(400, "DependencyViolation", "The subnet has dependencies and cannot be deleted."))
                .willSetStateTo("free"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(containing("Action=DeleteSubnet")).inScenario("subnet")
                .whenScenarioStateIs("free").willReturn(xmlBody("<DeleteSubnetResponse" + NS
                        + "><requestId>r7</requestId><return>true</return></DeleteSubnetResponse>")));
        aws.ec2(REGION, "DeleteVpc", xmlBody("<DeleteVpcResponse" + NS
                + "><requestId>r5</requestId><return>true</return></DeleteVpcResponse>"));
        AtomicInteger waits = new AtomicInteger();
        CleanupPlan vpcPlan = plan(List.of(subnet, vpc));

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(1), Duration.ofSeconds(5),
                d -> waits.incrementAndGet()).run(vpcPlan);

        // Then
        assertThat(result.complete()).as(result.error()).isTrue();
        assertThat(result.deleted()).containsExactly(subnet, vpc);
        assertThat(waits.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("a dependency that outlasts the timeout fails the run, and the VPC is not attempted")
    void dependencyThatStays() {
        // Given
        CleanupAction subnet = new CleanupAction(Operation.DELETE_SUBNET, "subnet", "subnet-0a1b2c3d4e5f00011", vpc.id(),
                "aws ec2 delete-subnet ...", BigDecimal.ZERO, provenance());
        aws.ec2(REGION, "DeleteSubnet", ec2Error(400, "DependencyViolation",
                "The subnet has dependencies and cannot be deleted."));
        CleanupPlan vpcPlan = plan(List.of(subnet, vpc));

        // When
        CleanupResult result = new CleanupRunner(clients, Duration.ofMillis(5), Duration.ofMillis(100),
                d -> Thread.sleep(d.toMillis())).run(vpcPlan);

        // Then
        assertThat(result.failed()).isEqualTo(subnet);
        assertThat(result.error()).isEqualTo("eu-west-1 ec2 DeleteSubnet DependencyViolation: The subnet has "
                + "dependencies and cannot be deleted.");
        assertThat(result.notDone()).containsExactly(vpc);
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteVpc&")));
    }

    private void natGatewayState(String state) {
        aws.ec2(REGION, "DescribeNatGateways", natGateways(state));
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder natGateways(String state) {
        return xmlBody("<DescribeNatGatewaysResponse" + NS + "><requestId>r6</requestId><natGatewaySet><item>"
                + "<natGatewayId>" + nat.id() + "</natGatewayId><state>" + state + "</state></item></natGatewaySet>"
                + "</DescribeNatGatewaysResponse>");
    }

    private static CleanupAction action(Operation operation, String type, String id, String usd) {
        return new CleanupAction(operation, type, id, null, "aws ec2 ... " + id, new BigDecimal(usd), provenance());
    }

    private static Provenance provenance() {
        return Provenance.state("agc/agc-core-eu-west-1.tfstate", "v1", "aws_x.y");
    }

    private static CleanupPlan plan(List<CleanupAction> actions) {
        return new CleanupPlan("123456789012", REGION, false, false, actions, List.of(), Map.of());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder networkInterfaces(String items) {
        return xmlBody("<DescribeNetworkInterfacesResponse" + NS + "><requestId>r8</requestId><networkInterfaceSet>"
                + items + "</networkInterfaceSet></DescribeNetworkInterfacesResponse>");
    }

    private static String networkInterface(String id, String description) {
        return "<item><networkInterfaceId>" + id + "</networkInterfaceId><description>" + description
                + "</description><interfaceType>interface</interfaceType></item>";
    }
}
