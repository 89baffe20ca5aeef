package dev.agcinfra.audit.costs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.agcinfra.audit.costs.CostsStubs.GET_COST_AND_USAGE;
import static dev.agcinfra.audit.costs.CostsStubs.ce;
import static dev.agcinfra.audit.costs.CostsStubs.fixture;
import static dev.agcinfra.audit.costs.CostsStubs.json;
import static dev.agcinfra.audit.costs.CostsStubs.jsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code costs} against exact AWS answers: the AGC fixture region (3 NAT gateways, 7 interface endpoints in 3 AZs,
 * 4 Elastic IPs of which 1 idle), Cost Explorer pages, errors and cost allocation tag states.
 */
class CostsWireMockTest {

    static final String PAGE_2_TOKEN = "AAEAAZ3Jvd2RAwOTE2ZDgzNi0xM2FlLTRkNTktOGUxYy1hYmNkZWYwMTIzNDU=";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20))
            .build();

    CostsStubs aws;

    @BeforeEach
    void stubRegion() {
        aws = new CostsStubs(wm).agcRegion("us-east-1").natTraffic("us-east-1", 5.0e10);
    }

    CliRun costs(String... more) {
        List<String> args = new ArrayList<>(List.of("costs", "--regions", "us-east-1",
                "--endpoint-url", wm.baseUrl(), "--today", "2026-08-15",
                "--max-attempts", "2", "--retry-base-delay", "1ms"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    static JsonNode report(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    void twoCostExplorerPages() {
        wm.stubFor(ce(GET_COST_AND_USAGE).withRequestBody(notContaining("NextPageToken"))
                .willReturn(json(fixture("ce-GetCostAndUsage-page1.json"))));
        wm.stubFor(ce(GET_COST_AND_USAGE).withRequestBody(containing("\"NextPageToken\":\"" + PAGE_2_TOKEN + "\""))
                .willReturn(json(fixture("ce-GetCostAndUsage-page2.json"))));
    }

    @Nested
    @DisplayName("when Cost Explorer answers in two pages and the tag is active")
    class TwoPages {

        @BeforeEach
        void stubCostExplorer() {
            twoCostExplorerPages();
            aws.costAllocationTag("application-name", "Active");
        }

        @Test
        @DisplayName("every page is read, once, with the tag filter, both periods and End exclusive")
        void readsEveryPage() throws Exception {
            // When
            CliRun run = costs("--format", "json");

            // Then
            assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
            wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_COST_AND_USAGE)));
            wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_COST_AND_USAGE))
                    .withRequestBody(equalToJson("""
                            {"TimePeriod": {"Start": "2026-07-01", "End": "2026-08-15"},
                             "Granularity": "MONTHLY",
                             "Filter": {"Tags": {"Key": "application-name", "Values": ["agc"], "MatchOptions": ["EQUALS"]}},
                             "Metrics": ["UnblendedCost", "UsageQuantity"],
                             "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "USAGE_TYPE"}]}
                            """)));
        }

        @Test
        @DisplayName("last month and month to date are summed per region from both pages")
        void sumsBothPeriods() throws Exception {
            // When
            JsonNode region = report(costs("--format", "json")).get("regions").get(0);

            // Then
            JsonNode actual = region.get("actual");
            assertThat(actual.get("lastMonthUsd").decimalValue()).isEqualByComparingTo("273.79");
            assertThat(actual.get("monthToDateUsd").decimalValue()).isEqualByComparingTo("115.92");
            JsonNode byCategory = actual.get("byCategory");
            assertThat(byCategory.get("nat-gateway-hours").get("lastMonthUsd").decimalValue())
                    .isEqualByComparingTo("100.44");
            assertThat(byCategory.get("nat-gateway-hours").get("monthToDateUsd").decimalValue())
                    .isEqualByComparingTo("45.36");
            assertThat(byCategory.get("interface-endpoint-hours").get("lastMonthUsd").decimalValue())
                    .isEqualByComparingTo("156.24");
            assertThat(byCategory.get("public-ipv4-hours").get("lastMonthUsd").decimalValue())
                    .isEqualByComparingTo("14.88");
            assertThat(byCategory.get("nat-gateway-data").get("lastMonthUsd").decimalValue())
                    .isEqualByComparingTo("1.87");
            assertThat(byCategory.get("other").get("lastMonthUsd").decimalValue()).isEqualByComparingTo("0.29");
            JsonNode endpointHours = actual.get("byUsageType").get("USE1-VpcEndpoint-Hours");
            assertThat(endpointHours.get("category").asText()).isEqualTo("interface-endpoint-hours");
            assertThat(endpointHours.get("services").get(0).asText()).isEqualTo("Amazon Virtual Private Cloud");
            assertThat(endpointHours.get("lastMonthQuantity").decimalValue()).isEqualByComparingTo("15624");
            assertThat(endpointHours.get("monthToDateUsd").decimalValue()).isEqualByComparingTo("70.56");
            assertThat(actual.get("byUsageType").has("EU-NatGateway-Hours")).isFalse();
        }

        @Test
        @DisplayName("costs in a region not audited, or under an unknown prefix, are warned about, not dropped silently")
        void warnsAboutCostsOutsideTheAuditedRegions() throws Exception {
            // When
            CliRun run = costs("--format", "json");

            // Then
            List<String> warnings = new ArrayList<>();
            report(run).get("warnings").forEach(w -> warnings.add(w.asText()));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("eu-west-1", "not audited", "$15.12"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("MES1", "$1.00"));
            assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("cost allocation tag"));
            assertThat(run.err()).contains("agc-audit: warning: ");
        }

        @Test
        @DisplayName("the run rate is priced from EC2: 3 NAT gateways, 21 endpoint-AZs and 4 public IPv4 addresses")
        void pricesTheRunRate() throws Exception {
            // When
            JsonNode report = report(costs("--format", "json"));

            // Then
            JsonNode region = report.get("regions").get(0);
            assertThat(region.get("region").asText()).isEqualTo("us-east-1");
            assertThat(region.get("natGateways").asInt()).isEqualTo(3);
            assertThat(region.get("interfaceEndpoints").asInt()).isEqualTo(7);
            assertThat(region.get("endpointNetworkInterfaces").asInt()).isEqualTo(21);
            assertThat(region.get("publicIpv4").asInt()).isEqualTo(4);
            assertThat(region.get("idleElasticIps").asInt()).isEqualTo(1);
            assertThat(region.get("estimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
            assertThat(report.get("totalEstimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
            assertThat(report.get("errors")).isEmpty();
        }

        @Test
        @DisplayName("advice names the idle Elastic IP and the NAT gateways that carried almost nothing, not the busy one")
        void advises() throws Exception {
            // When
            JsonNode advice = report(costs("--format", "json")).get("advice");

            // Then
            List<String> kinds = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            advice.forEach(a -> {
                kinds.add(a.get("kind").asText());
                resources.add(a.get("resource").asText());
            });
            assertThat(kinds).containsExactly("public-subnets", "idle-elastic-ip", "idle-nat-gateway",
                    "idle-nat-gateway");
            assertThat(resources).contains("eipalloc-0a1b2c3d4e5f00204", "nat-0a1b2c3d4e5f00102",
                    "nat-0a1b2c3d4e5f00103").doesNotContain("nat-0a1b2c3d4e5f00101");
            assertThat(advice.get(0).get("monthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
            assertThat(advice.get(1).get("monthlyUsd").decimalValue()).isEqualByComparingTo("3.65");
            assertThat(advice.get(2).get("monthlyUsd").decimalValue()).isEqualByComparingTo("36.50");
        }
    }

    @Test
    @DisplayName("AccessDenied from Cost Explorer is an error and exit 3, and the run rate is still reported")
    void accessDeniedKeepsTheRestOfTheReport() throws Exception {
        // Given
        aws.costAllocationTag("application-name", "Active");
        wm.stubFor(ce(GET_COST_AND_USAGE).willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ce:GetCostAndUsage")));

        // When
        CliRun run = costs("--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = report(run);
        assertThat(report.get("errors")).hasSize(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("region").asText()).isEqualTo("us-east-1");
        assertThat(error.get("service").asText()).isEqualTo("ce");
        assertThat(error.get("operation").asText()).isEqualTo("GetCostAndUsage");
        assertThat(error.get("code").asText()).isEqualTo("AccessDeniedException");
        JsonNode region = report.get("regions").get(0);
        assertThat(region.get("actual").isNull()).isTrue();
        assertThat(region.get("natGateways").asInt()).isEqualTo(3);
        assertThat(region.get("estimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
        assertThat(run.errLines()).contains("agc-audit: us-east-1 ce GetCostAndUsage AccessDeniedException: "
                + "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ce:GetCostAndUsage");
    }

    @Test
    @DisplayName("an inactive cost allocation tag is warned about, since actuals then undercount; the exit code stays 0")
    void warnsWhenTheTagIsInactive() throws Exception {
        // Given
        twoCostExplorerPages();
        aws.costAllocationTag("application-name", "Inactive");

        // When
        CliRun run = costs("--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        List<String> warnings = new ArrayList<>();
        report(run).get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("cost allocation tag 'application-name' is Inactive", "undercount"));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(CostsStubs.LIST_COST_ALLOCATION_TAGS)).withRequestBody(containing("\"TagKeys\":[\"application-name\"]")));
    }

    @Test
    @DisplayName("a tag key that is not a cost allocation tag at all is warned about too")
    void warnsWhenTheTagIsUnknownToBilling() throws Exception {
        // Given
        twoCostExplorerPages();
        wm.stubFor(ce(CostsStubs.LIST_COST_ALLOCATION_TAGS).willReturn(json("{\"CostAllocationTags\":[]}")));

        // When
        List<String> warnings = new ArrayList<>();
        report(costs("--format", "json")).get("warnings").forEach(w -> warnings.add(w.asText()));

        // Then
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("'application-name' is not a cost allocation tag", "undercount"));
    }

    @Nested
    @DisplayName("--budget")
    class Budget {

        @BeforeEach
        void stubCostExplorer() {
            twoCostExplorerPages();
            aws.costAllocationTag("application-name", "Active");
        }

        @Test
        @DisplayName("exits 0 when the estimated total is within the budget, including exactly at it")
        void withinBudget() throws Exception {
            assertThat(costs("--budget", "300").status()).isEqualTo(ExitCode.OK);
            CliRun atBudget = costs("--budget", "266.45", "--format", "json");
            assertThat(atBudget.status()).isEqualTo(ExitCode.OK);
            assertThat(report(atBudget).get("overBudget").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("exits 1 when the estimated total exceeds the budget, and says so")
        void overBudget() throws Exception {
            // When
            CliRun run = costs("--budget", "266.44");

            // Then
            assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
            assertThat(run.out()).contains("Total estimated: $266.45 a month, over the budget of $266.44");
        }

        @Test
        @DisplayName("a negative budget is invalid input: exit 2 and one line")
        void negativeBudget() {
            CliRun run = costs("--budget", "-1");

            assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains("--budget must not be negative");
        }

        @Test
        @DisplayName("an AWS failure wins over the budget: exit 3, not 1")
        void failureWinsOverBudget() {
            wm.stubFor(ce(GET_COST_AND_USAGE).willReturn(jsonError(400, "AccessDeniedException", "denied")));

            assertThat(costs("--budget", "1").status()).isEqualTo(ExitCode.AWS_FAILURE);
        }
    }

    @Test
    @DisplayName("the table shows the run rate by category, the actuals and the advice")
    void table() {
        // Given
        twoCostExplorerPages();
        aws.costAllocationTag("application-name", "Active");

        // When
        CliRun run = costs();

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("us-east-1: estimated $266.45 a month")
                .contains("3 NAT gateways, 7 interface endpoints (21 network interfaces), 4 public IPv4 addresses "
                        + "(1 idle Elastic IP)")
                .containsPattern("nat-gateway-hours +3 +2,190 +hours +\\$0.045 +\\$98.55")
                .containsPattern("interface-endpoint-hours +7 +15,330 +endpoint-AZ-hours +\\$0.01 +\\$153.30")
                .containsPattern("public-ipv4-hours +4 +2,920 +address-hours +\\$0.005 +\\$14.60")
                .contains("actual (Cost Explorer): last month $273.79, month to date $115.92")
                .contains("Advice:");
    }

    @Test
    @DisplayName("CSV has one header row and a row per priced item, usage type, advice and the total")
    void csv() {
        // Given
        twoCostExplorerPages();
        aws.costAllocationTag("application-name", "Active");

        // When
        CliRun run = costs("--format", "csv");

        // Then
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", CostsCsvWriter.HEADER));
        assertThat(lines).contains("us-east-1,estimate,nat-gateway-hours,nat-0a1b2c3d4e5f00101,730,hours,0.045,32.85,,,"
                + "\"shared/reference/aws-prices-regions.md [S1][S3][S4][S7]: 'Hourly charge for NAT Gateways'; AWS pricing-page feed meteredUnitMaps/ec2 natgateway.json published 2026-09-03, as copied in iammanis/ec2-vps _data/rates.json; the same figure in [S3], [S4], [S7]\","
                + "123456789012");
        assertThat(lines).anyMatch(l -> l.startsWith("us-east-1,actual,interface-endpoint-hours,USE1-VpcEndpoint-Hours,"
                + "15624,Hrs,,,156.24,70.56,"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(",total,,,,,,266.45,,,,");
        assertThat(lines.stream().filter(l -> l.startsWith("us-east-1,estimate,")).count()).isEqualTo(3 + 3 + 7 + 1);
    }

    @Test
    @DisplayName("a region whose EC2 calls are denied is an error and exit 3; the other region is reported in full")
    void oneRegionDenied() throws Exception {
        // Given
        twoCostExplorerPages();
        aws.costAllocationTag("application-name", "Active");
        String ns = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
        aws.ec2("eu-west-1", "DescribeNatGateways", CostsStubs.xml("<Response><Errors><Error><Code>UnauthorizedOperation"
                + "</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors>"
                + "<RequestID>0b1b2c3d-0000-4000-8000-000000000000</RequestID></Response>").withStatus(403));
        aws.ec2("eu-west-1", "DescribeVpcEndpoints", CostsStubs.xml("<DescribeVpcEndpointsResponse" + ns
                + "><vpcEndpointSet/></DescribeVpcEndpointsResponse>"));
        aws.ec2("eu-west-1", "DescribeAddresses", CostsStubs.xml("<DescribeAddressesResponse" + ns
                + "><addressesSet/></DescribeAddressesResponse>"));
        aws.deactivated("eu-west-1");

        // When
        CliRun run = CliRun.run("costs", "--regions", "us-east-1,eu-west-1", "--endpoint-url", wm.baseUrl(),
                "--today", "2026-08-15", "--max-attempts", "1", "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = report(run);
        assertThat(report.get("regions")).hasSize(2);
        assertThat(report.get("regions").get(0).get("estimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
        assertThat(report.get("regions").get(1).get("region").asText()).isEqualTo("eu-west-1");
        assertThat(report.get("regions").get(1).get("actual").get("lastMonthUsd").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(report.get("regions").get(1).get("actual").get("monthToDateUsd").decimalValue())
                .isEqualByComparingTo("15.12");
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).get("region").asText()).isEqualTo("eu-west-1");
        assertThat(report.get("errors").get(0).get("operation").asText()).isEqualTo("DescribeNatGateways");
        assertThat(report.get("errors").get(0).get("code").asText()).isEqualTo("UnauthorizedOperation");
        assertThat(report.get("warnings")).anySatisfy(w -> assertThat(w.asText())
                .contains("eu-west-1: some calls failed", "incomplete"));
        // Cost Explorer is global: asked once per run (two pages), from us-east-1, not once per region
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_COST_AND_USAGE)));
        wm.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CostsStubs.LIST_COST_ALLOCATION_TAGS)));
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("/eu-west-1/ce/")));
    }

    @Test
    @DisplayName("in a region where AGC is not active (no /agc/_common/vpc) the advice is cleanup, not public subnets")
    void deactivatedRegionGetsTheCleanupAdvice() throws Exception {
        // Given the AGC fixture's resources still billing, and SSM saying the region is not active
        aws.deactivated("us-east-1");

        // When
        CliRun run = costs("--no-actuals", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode advice = report(run).get("advice");
        assertThat(advice).hasSize(1);
        assertThat(advice.get(0).get("kind").asText()).isEqualTo("cleanup");
        assertThat(advice.get(0).get("monthlyUsd").decimalValue()).isEqualByComparingTo("266.45");
        assertThat(advice.get(0).get("message").asText()).contains("AGC is not active in us-east-1",
                "3 NAT gateways, 7 interface endpoints and 4 public IPv4 addresses",
                "agc-audit retained --regions us-east-1", "agc-audit cleanup --region us-east-1");
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CostsStubs.GET_PARAMETER))
                .withRequestBody(equalToJson("{\"Name\":\"/agc/_common/vpc\"}")));
    }

    @Test
    @DisplayName("--no-actuals makes no Cost Explorer call and reports actual as null")
    void noActuals() throws Exception {
        // When
        CliRun run = costs("--no-actuals", "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("/ce/")));
        assertThat(report(run).get("regions").get(0).get("actual").isNull()).isTrue();
    }

    @Test
    @DisplayName("--price-file overrides the embedded table: NAT gateways at $0.05 an hour make $109.50")
    void priceFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Given
        java.nio.file.Path prices = dir.resolve("prices.json");
        java.nio.file.Files.writeString(prices, """
                {"currency": "USD", "regions": {"us-east-1": {
                  "nat-gateway-hours": {"usd": "0.05", "source": "negotiated rate, test", "date": "2026-08-01"}}}}
                """);

        // When
        CliRun run = costs("--no-actuals", "--price-file", prices.toString(), "--format", "json");

        // Then
        JsonNode region = report(run).get("regions").get(0);
        java.math.BigDecimal nat = java.math.BigDecimal.ZERO;
        for (JsonNode item : region.get("items")) {
            if (item.get("category").asText().equals("nat-gateway-hours")) {
                nat = nat.add(item.get("monthlyUsd").decimalValue());
                assertThat(item.get("source").asText()).isEqualTo("negotiated rate, test");
            }
        }
        assertThat(nat).isEqualByComparingTo("109.50");
        assertThat(region.get("estimatedMonthlyUsd").decimalValue()).isEqualByComparingTo("277.40");
    }
}
