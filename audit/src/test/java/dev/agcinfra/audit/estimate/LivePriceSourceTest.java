package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.TestCredentials;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;

/** {@code --pricing live} against WireMock speaking the Price List API's JSON 1.1 protocol. */
@WireMockTest
class LivePriceSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);
    private static final String TARGET = "AWSPriceListService.GetProducts";

    private PricingClient client;

    @BeforeEach
    void client(WireMockRuntimeInfo wireMock) {
        client = PricingClient.builder()
                .endpointOverride(URI.create(wireMock.getHttpBaseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** One Price List entry: a product as the API returns it, serialized as a JSON string. */
    static String product(String serviceCode, String family, String usageType, String sku, String... tiers) {
        ObjectNode product = JSON.createObjectNode();
        ObjectNode p = product.putObject("product");
        p.put("productFamily", family);
        p.put("sku", sku);
        ObjectNode attributes = p.putObject("attributes");
        attributes.put("servicecode", serviceCode);
        attributes.put("regionCode", "us-east-1");
        attributes.put("usagetype", usageType);
        product.put("serviceCode", serviceCode);
        ObjectNode term = product.putObject("terms").putObject("OnDemand").putObject(sku + ".JRTCKXETXF");
        term.put("sku", sku);
        term.put("effectiveDate", "2026-11-01T00:00:00Z");
        ObjectNode dimensions = term.putObject("priceDimensions");
        // tiers: "begin:end:usd"
        for (int i = 0; i < tiers.length; i++) {
            String[] t = tiers[i].split(":");
            ObjectNode d = dimensions.putObject(sku + ".JRTCKXETXF.RATE" + i);
            d.put("beginRange", t[0]);
            d.put("endRange", t[1]);
            d.put("unit", usageType.endsWith("Bytes") ? "GB" : "Hrs");
            d.put("description", "$" + t[2] + " per unit");
            d.putObject("pricePerUnit").put("USD", t[2]);
        }
        product.put("publicationDate", "2026-11-20T00:00:00Z");
        return product.toString();
    }

    static String page(String nextToken, String... products) {
        ObjectNode body = JSON.createObjectNode();
        body.put("FormatVersion", "aws_v1");
        ArrayNode list = body.putArray("PriceList");
        for (String product : products) {
            list.add(product);
        }
        if (nextToken != null) {
            body.put("NextToken", nextToken);
        }
        return body.toString();
    }

    static MappingBuilder getProducts(String serviceCode) {
        return post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)));
    }

    static void stubUsEast1() {
        stubFor(getProducts("AmazonEC2").willReturn(json(page(null,
                product("AmazonEC2", "NAT Gateway", "NatGateway-Hours", "NATH", "0:Inf:0.0450000000"),
                product("AmazonEC2", "NAT Gateway", "NatGateway-Bytes", "NATB", "0:Inf:0.0450000000"),
                product("AmazonEC2", "NAT Gateway", "RegionalNatGateway-Hours", "RNAT", "0:Inf:0.9000000000")))));
        stubFor(getProducts("AmazonVPC")
                .withRequestBody(containing("\"VpcEndpoint\""))
                .willReturn(json(page(null,
                        product("AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours", "VPCEH", "0:Inf:0.0100000000"),
                        product("AmazonVPC", "VpcEndpoint", "VpcEndpoint-Bytes", "VPCEB",
                                "0:1000000:0.0100000000", "1000000:5000000:0.0060000000", "5000000:Inf:0.0040000000"),
                        product("AmazonVPC", "VpcEndpoint", "VpcEndpoint-GWLBE-Hours", "GWLB", "0:Inf:0.0035")))));
        // Public IPv4: no product family filter, and two pages, so the paginator must follow NextToken.
        stubFor(getProducts("AmazonVPC")
                .withRequestBody(notContaining("productFamily"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(json(page("page2",
                        product("AmazonVPC", "VPN Connection", "VPN-Usage-Hours:ipsec.1", "VPN", "0:Inf:0.05")))));
        stubFor(getProducts("AmazonVPC")
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page2")))
                .willReturn(json(page(null,
                        product("AmazonVPC", "VPC Public IPv4 Address", "PublicIPv4:InUseAddress", "IPV4",
                                "0:Inf:0.0050000000"),
                        product("AmazonVPC", "VPC Public IPv4 Address", "PublicIPv4:IdleAddress", "IDLE",
                                "0:Inf:0.0050000000")))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    @Test
    void theDefaultCorePricedWithLivePricesCostsTwoHundredSixtyTwoEighty() {
        // Given
        stubUsEast1();
        LivePriceSource live = new LivePriceSource(client, CLOCK);

        // When
        EstimateReport report = new CostEstimator(live, UsageAssumptions.NONE)
                .estimate(StackLoader.load(Fixtures.resource("default-us-east-1")));

        // Then
        assertThat(Money.round(report.totalMonthlyUsd())).isEqualByComparingTo("262.80");
        assertThat(report.stacks().get(0).unknown()).isEmpty();
        assertThat(report.prices()).isEqualTo("AWS Price List API (GetProducts), read 2026-11-26");
        assertThat(report.stacks().get(0).items().get(0).source()).contains("AmazonEC2").contains("NATH");
    }

    @Test
    void theRequestsFilterByRegionAndProductFamilyAndFollowNextToken() {
        stubUsEast1();

        new LivePriceSource(client, CLOCK).prices("us-east-1");

        verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'regionCode' && @.Value == 'us-east-1')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'productFamily' && @.Value == 'NAT Gateway')]")));
        verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.NextToken", equalTo("page2"))));
    }

    @Test
    void tieredEndpointDataReproducesTheSevenMillionGbCase() {
        stubUsEast1();
        LivePriceSource live = new LivePriceSource(client, CLOCK);

        EstimateReport report = new CostEstimator(live, new UsageAssumptions(new Usage(null, new BigDecimal("7000000")),
                Map.of())).estimate(List.of(Fixtures.endpointOnly("us-east-1", 1)));

        assertThat(report.stacks().get(0).items()).filteredOn(i -> i.category() == Category.INTERFACE_ENDPOINT_DATA)
                .extracting(i -> Money.round(i.monthlyUsd()))
                .containsExactly(new BigDecimal("10000.00"), new BigDecimal("24000.00"), new BigDecimal("8000.00"));
    }

    @Test
    void natGatewaysNotListedUnderAmazonEc2AreLookedUpUnderAmazonVpc() {
        stubFor(getProducts("AmazonEC2").willReturn(json(page(null))));
        stubFor(getProducts("AmazonVPC").withRequestBody(containing("NAT Gateway")).willReturn(json(page(null,
                product("AmazonVPC", "NAT Gateway", "USE2-NatGateway-Hours", "NATV", "0:Inf:0.045")))));
        stubFor(getProducts("AmazonVPC").withRequestBody(notContaining("NAT Gateway")).willReturn(json(page(null))));

        LivePriceSource live = new LivePriceSource(client, CLOCK);

        assertThat(live.price("us-east-2", Category.NAT_GATEWAY_HOURS)).hasValueSatisfying(p -> {
            assertThat(p.firstUsd()).isEqualByComparingTo("0.045");
            assertThat(p.source()).contains("AmazonVPC").contains("USE2-NatGateway-Hours");
        });
    }

    @Test
    void productsThatDisagreeLeaveThePriceUnknownRatherThanPickingOne() {
        stubFor(getProducts("AmazonEC2").willReturn(json(page(null,
                product("AmazonEC2", "NAT Gateway", "NatGateway-Hours", "A", "0:Inf:0.045"),
                product("AmazonEC2", "NAT Gateway", "USE1-NatGateway-Hours", "B", "0:Inf:0.05")))));
        stubFor(getProducts("AmazonVPC").willReturn(json(page(null))));

        LivePriceSource live = new LivePriceSource(client, CLOCK);

        assertThat(live.price("us-east-1", Category.NAT_GATEWAY_HOURS)).isEmpty();
        assertThat(live.price("us-east-1", Category.PUBLIC_IPV4_HOURS)).isEmpty();
    }

    @Test
    void anAwsErrorIsAnAwsFailureNamingTheOperationAndCode() {
        stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed\"}")));

        LivePriceSource live = new LivePriceSource(client, CLOCK);

        assertThatThrownBy(() -> live.prices("us-east-1")).isInstanceOf(AuditException.class)
                .hasMessageContaining("GetProducts").hasMessageContaining("AccessDeniedException")
                .satisfies(e -> assertThat(((AuditException) e).status()).isEqualTo(ExitCode.AWS_FAILURE));
    }

    @Test
    void theCommandWithLivePricingPrintsTheEstimateFromTheApi(WireMockRuntimeInfo wireMock) {
        stubUsEast1();
        TestCredentials.install();
        EstimateCommandTest.Result result = EstimateCommandTest.run(Fixtures.resource("default-us-east-1").toString(),
                "--pricing", "live", "--endpoint-url", wireMock.getHttpBaseUrl(), "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
        assertThat(result.json().path("prices").asText()).startsWith("AWS Price List API");
    }

    @Test
    void theCommandExitsThreeWithOneLineWhenTheApiFails(WireMockRuntimeInfo wireMock) {
        stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed\"}")));
        TestCredentials.install();
        EstimateCommandTest.Result result = EstimateCommandTest.run(Fixtures.resource("default-us-east-1").toString(),
                "--pricing", "live", "--endpoint-url", wireMock.getHttpBaseUrl());

        assertThat(result.exitCode()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString().contains("AccessDeniedException");
    }
}
