package dev.agcinfra.audit.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.agcinfra.audit.testing.AwsStubs.GET_RESOURCES;
import static dev.agcinfra.audit.testing.AwsStubs.ec2Error;
import static dev.agcinfra.audit.testing.AwsStubs.json;
import static dev.agcinfra.audit.testing.AwsStubs.jsonError;
import static dev.agcinfra.audit.testing.AwsStubs.jsonFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.aws.AwsSettings;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code resources} against exact AWS answers and faults that moto cannot produce. */
class ResourcesWireMockTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
            .build();

    AwsStubs aws;

    @BeforeEach
    void stubSts() {
        aws = new AwsStubs(wm).sts();
    }

    @Test
    @DisplayName("every page of the Tagging API is read, and what it shares with EC2 is listed once")
    void readsEveryPage() throws Exception {
        // Given
        aws.agcRegion("us-east-1");

        // When
        CliRun run = resources("--regions", "us-east-1");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = report(run);
        assertThat(arns(report)).hasSize(AwsStubs.FIXTURE_RESOURCES).doesNotHaveDuplicates()
                .contains("arn:aws:dynamodb:us-east-1:123456789012:table/Agc",
                        "arn:aws:ec2:us-east-1:123456789012:route-table/rtb-0a1b2c3d4e5f03013",
                        "arn:aws:logs:us-east-1:123456789012:log-group:"
                                + "/aws/lambda/Agc-Core-CustomCDKBucketDeployment8693BB64968944B69AAF-3Kf9x2Q1ZpLm");
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_RESOURCES)));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_RESOURCES))
                .withRequestBody(containing("\"PaginationToken\":\"" + AwsStubs.PAGE_2_TOKEN + "\"")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeNatGateways"))
                .withRequestBody(containing("Filter.1.Name=tag%3Aapplication-name"))
                .withRequestBody(containing("Filter.1.Value.1=agc")));
        JsonNode nat = byArn(report, "arn:aws:ec2:us-east-1:123456789012:natgateway/nat-0a1b2c3d4e5f00101");
        assertThat(nat.get("state").asText()).isEqualTo("available");
        assertThat(nat.get("name").asText()).isEqualTo("Agc-Core/Vpc/PublicSubnet1");
        assertThat(byArn(report, "arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-0a1b2c3d4e5f00204")
                .get("state").asText()).isEqualTo("unassociated");
        assertThat(byArn(report, "arn:aws:s3:::agc-123456789012-us-east-1").get("region").asText())
                .isEqualTo("us-east-1");
    }

    @Test
    @DisplayName("throttling is retried with backoff and the run then succeeds")
    void retriesThrottling() throws Exception {
        // Given: the first GetResources is throttled twice, then answered
        aws.agcRegion("us-east-1");
        wm.stubFor(json("us-east-1", GET_RESOURCES).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("once"));
        wm.stubFor(json("us-east-1", GET_RESOURCES).inScenario("throttle").whenScenarioStateIs("once")
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("twice"));
        wm.stubFor(json("us-east-1", GET_RESOURCES).inScenario("throttle").whenScenarioStateIs("twice")
                .withRequestBody(WireMock.notContaining("PaginationToken"))
                .willReturn(jsonFile("resourcegroupstaggingapi-GetResources.json")));

        // When
        CliRun run = resources("--regions", "us-east-1");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(arns(report(run))).hasSize(AwsStubs.FIXTURE_RESOURCES);
        wm.verify(4, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_RESOURCES)));
    }

    @Test
    @DisplayName("throttling that outlasts the retries is that region's error; the report is partial and exits 3")
    void throttlingBeyondRetries() throws Exception {
        aws.agcRegion("us-east-1").emptyRegion("eu-west-1");
        wm.stubFor(json("eu-west-1", GET_RESOURCES).atPriority(1)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));

        CliRun run = resources("--regions", "us-east-1,eu-west-1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(arns(report(run))).hasSize(AwsStubs.FIXTURE_RESOURCES);
        assertThat(run.errLines()).contains("agc-audit: eu-west-1 tagging GetResources ThrottlingException: Rate exceeded");
        wm.verify(AwsSettings.DEFAULT_MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(GET_RESOURCES)).withHeader("Authorization", containing("/eu-west-1/")));
    }

    @Test
    @DisplayName("AccessDenied in one region: the other region is complete, each error is one line, exit 3")
    void accessDeniedInOneRegion() throws Exception {
        // Given
        aws.agcRegion("us-east-1");
        for (String action : List.of("DescribeNatGateways", "DescribeVpcEndpoints", "DescribeAddresses")) {
            aws.ec2("eu-west-1", action, ec2Error(403, "UnauthorizedOperation",
                    "You are not authorized to perform this operation."));
        }
        wm.stubFor(json("eu-west-1", GET_RESOURCES).willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/agc-auditor is not authorized to perform: tag:GetResources")));
        wm.stubFor(json("eu-west-1", "Logs_20140328.DescribeLogGroups").willReturn(jsonError(400,
                "AccessDeniedException", "not authorized to perform: logs:DescribeLogGroups")));

        // When
        CliRun run = resources("--regions", "us-east-1,eu-west-1");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = report(run);
        assertThat(arns(report)).hasSize(AwsStubs.FIXTURE_RESOURCES);
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("region").asText() + " " + e.get("service").asText() + " "
                + e.get("operation").asText() + " " + e.get("code").asText()));
        assertThat(errors).containsExactly(
                "eu-west-1 ec2 DescribeNatGateways UnauthorizedOperation",
                "eu-west-1 ec2 DescribeVpcEndpoints UnauthorizedOperation",
                "eu-west-1 ec2 DescribeAddresses UnauthorizedOperation",
                "eu-west-1 tagging GetResources AccessDeniedException",
                "eu-west-1 logs DescribeLogGroups AccessDeniedException");
        assertThat(run.errLines()).containsExactly(
                "agc-audit: eu-west-1 ec2 DescribeNatGateways UnauthorizedOperation: You are not authorized to perform this operation.",
                "agc-audit: eu-west-1 ec2 DescribeVpcEndpoints UnauthorizedOperation: You are not authorized to perform this operation.",
                "agc-audit: eu-west-1 ec2 DescribeAddresses UnauthorizedOperation: You are not authorized to perform this operation.",
                "agc-audit: eu-west-1 tagging GetResources AccessDeniedException: User: arn:aws:iam::123456789012:user/agc-auditor is not authorized to perform: tag:GetResources",
                "agc-audit: eu-west-1 logs DescribeLogGroups AccessDeniedException: not authorized to perform: logs:DescribeLogGroups",
                "agc-audit: 1 of 2 regions had errors; the report is partial");
    }

    @Test
    @DisplayName("a region that is not enabled fails once and is not asked again; the others complete")
    void regionNotEnabled() throws Exception {
        aws.agcRegion("us-east-1");
        aws.ec2("ap-east-1", "DescribeNatGateways", ec2Error(401, "AuthFailure",
                "AWS was not able to validate the provided access credentials"));

        CliRun run = resources("--regions", "us-east-1,ap-east-1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(arns(report(run))).hasSize(AwsStubs.FIXTURE_RESOURCES);
        assertThat(run.errLines()).containsExactly(
                "agc-audit: ap-east-1 ec2 DescribeNatGateways AuthFailure: AWS was not able to validate the provided access credentials",
                "agc-audit: 1 of 2 regions had errors; the report is partial");
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("/ap-east-1/")));
    }

    @Test
    @DisplayName("a region that does not answer within the timeout is reported; the other completes without waiting")
    void regionThatDoesNotAnswer() throws Exception {
        // Given: every eu-west-1 call answers after 5 s
        aws.agcRegion("us-east-1");
        wm.stubFor(post("/").withHeader("Authorization", containing("/eu-west-1/"))
                .willReturn(AwsStubs.jsonBody("{}").withFixedDelay(5_000)));

        // When
        long start = System.nanoTime();
        CliRun run = resources("--regions", "us-east-1,eu-west-1", "--call-timeout", "1s",
                "--attempt-timeout", "400ms", "--max-attempts", "2");
        long millis = (System.nanoTime() - start) / 1_000_000;

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(arns(report(run))).hasSize(AwsStubs.FIXTURE_RESOURCES);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("agc-audit: eu-west-1 ec2 DescribeNatGateways Timeout: ");
        assertThat(millis).isLessThan(4_000);
    }

    @Test
    @DisplayName("a bucket whose location is denied is listed where it was found; the error is reported, the rest complete")
    void bucketLocationDenied() throws Exception {
        // Given
        aws.agcRegion("us-east-1");
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/agc-123456789012-us-east-1")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));

        // When
        CliRun run = resources("--regions", "us-east-1");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = report(run);
        assertThat(arns(report)).hasSize(AwsStubs.FIXTURE_RESOURCES);
        assertThat(byArn(report, "arn:aws:s3:::agc-123456789012-us-east-1").get("region").asText()).isEqualTo("us-east-1");
        assertThat(run.errLines()).containsExactly("agc-audit: us-east-1 s3 GetBucketLocation AccessDenied: Access Denied",
                "agc-audit: 1 of 1 regions had errors; the report is partial");
    }

    @Test
    @DisplayName("credentials that STS rejects: one line, exit 3, and no report")
    void expiredCredentials() {
        wm.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity")).atPriority(1)
                .willReturn(AwsStubs.stsError(403, "ExpiredToken", "The security token included in the request is expired")));

        CliRun run = resources("--regions", "us-east-1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("agc-audit: AWS rejected the credentials (us-east-1 sts "
                + "GetCallerIdentity ExpiredToken): The security token included in the request is expired");
    }

    @Test
    @DisplayName("--all-regions reads the account's enabled regions from EC2 DescribeRegions")
    void allRegions() throws Exception {
        aws.agcRegion("us-east-1").emptyRegion("eu-west-1");
        aws.ec2("us-east-1", "DescribeRegions", AwsStubs.xmlBody(
                "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><regionInfo>"
                        + "<item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>"
                        + "<item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>"
                        + "</regionInfo></DescribeRegionsResponse>"));

        CliRun run = resources("--all-regions");

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(report(run).get("regions").toString()).isEqualTo("[\"eu-west-1\",\"us-east-1\"]");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeRegions"))
                .withRequestBody(containing("AllRegions=false")));
    }

    private static CliRun resources(String... more) {
        List<String> args = new ArrayList<>(List.of("resources", "--format", "json",
                "--endpoint-url", wm.baseUrl(), "--retry-base-delay", "10ms"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static JsonNode report(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> arns(JsonNode report) {
        List<String> arns = new ArrayList<>();
        report.get("resources").forEach(r -> arns.add(r.get("arn").asText()));
        return arns;
    }

    private static JsonNode byArn(JsonNode report, String arn) {
        for (JsonNode resource : report.get("resources")) {
            if (resource.get("arn").asText().equals(arn)) {
                return resource;
            }
        }
        throw new AssertionError("not listed: " + arn);
    }
}
